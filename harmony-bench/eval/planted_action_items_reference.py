#!/usr/bin/env python3
"""Write the speech eval set's scripts as text references (no audio) for scoring action items.

    python3 planted_action_items_reference.py OUT_DIR [--eval-dir /work/shared/eval]

For each public script in make_eval_set.py this writes OUT_DIR/NAME.json in the eval set's reference
shape: turns (speaker labels spk1..N in order of first appearance, times estimated at 0.4 s a word with
0.6 s gaps), speaker names, and the planted actionItems with owner and speaker label. score.py reads
these like the generated set's JSON (it needs no audio for action-item recall). Standard library only.
"""
import argparse
import json
import os
import sys


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--eval-dir", default="/work/shared/eval")
    a = ap.parse_args(argv)
    sys.path.insert(0, a.eval_dir)
    import make_eval_set  # noqa: E402  (the public scripts; importing it synthesises nothing)

    os.makedirs(a.out_dir, exist_ok=True)
    for sc in make_eval_set.SCRIPTS:
        label = {}
        for t in sc.turns:
            label.setdefault(t[0], f"spk{len(label) + 1}")
        turns = []
        ms = 0
        for t in sc.turns:
            words = len(t[1].split())
            dur = words * 400
            turns.append({"speaker": label[t[0]], "startMs": ms, "endMs": ms + dur, "text": t[1]})
            ms += dur + 600
        ref = {
            "name": sc.name,
            "title": sc.title,
            "speakers": [{"label": label[k], "name": sc.speakers[k]} for k in label],
            "turns": turns,
            "actionItems": [{"owner": sc.speakers[k], "speaker": label[k], "text": txt} for k, txt in sc.actions],
        }
        with open(os.path.join(a.out_dir, sc.name + ".json"), "w") as f:
            json.dump(ref, f, indent=1)
    print(f"{len(make_eval_set.SCRIPTS)} references -> {a.out_dir}")


if __name__ == "__main__":
    main()
