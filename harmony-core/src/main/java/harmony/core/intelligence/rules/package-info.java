/**
 * The building blocks of definitions, as data: detectors that find an insight (phrase trackers,
 * metric conditions, a question for a language model) and criteria that decide a goal or a
 * scorecard rule. All are records that read and write as JSON with a {@code type} field.
 */
package harmony.core.intelligence.rules;
