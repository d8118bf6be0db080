package harmony.adapters.http.api;

import harmony.core.port.in.AuthenticateApiKey;
import harmony.core.port.in.BrowseDirectory;
import harmony.core.port.in.CheckUrl;
import harmony.core.port.in.DeleteConversation;
import harmony.core.port.in.FindConversations;
import harmony.core.port.in.ImportFromUrl;
import harmony.core.port.in.ManageWebhooks;
import harmony.core.port.in.MatchSpeaker;
import harmony.core.port.in.ImportStructuredConversation;
import harmony.core.port.in.ReprocessConversation;
import harmony.core.port.in.StreamRecording;
import harmony.core.port.in.SubmitTranscript;
import harmony.core.port.in.UploadInParts;
import harmony.core.port.in.UploadTranscriptFile;
import harmony.core.port.in.WatchConversations;
import harmony.core.port.in.UpdateConversation;
import harmony.core.port.in.UploadRecording;

import static java.util.Objects.requireNonNull;

/** The in-ports the API calls; the host wires them to core's services. */
public record ApiUseCases(
        AuthenticateApiKey authenticate,
        BrowseDirectory directory,
        UploadRecording uploadRecording,
        ImportFromUrl importFromUrl,
        CheckUrl checkUrl,
        FindConversations find,
        UpdateConversation update,
        MatchSpeaker matchSpeaker,
        DeleteConversation delete,
        StreamRecording streamRecording,
        SubmitTranscript submitTranscript,
        UploadTranscriptFile uploadTranscriptFile,
        ImportStructuredConversation importStructured,
        ReprocessConversation reprocess,
        WatchConversations watch,
        UploadInParts uploadInParts,
        ManageWebhooks webhooks) {

    public ApiUseCases {
        requireNonNull(authenticate, "authenticate");
        requireNonNull(directory, "directory");
        requireNonNull(uploadRecording, "uploadRecording");
        requireNonNull(importFromUrl, "importFromUrl");
        requireNonNull(checkUrl, "checkUrl");
        requireNonNull(find, "find");
        requireNonNull(update, "update");
        requireNonNull(matchSpeaker, "matchSpeaker");
        requireNonNull(delete, "delete");
        requireNonNull(streamRecording, "streamRecording");
        requireNonNull(submitTranscript, "submitTranscript");
        requireNonNull(uploadTranscriptFile, "uploadTranscriptFile");
        requireNonNull(importStructured, "importStructured");
        requireNonNull(reprocess, "reprocess");
        requireNonNull(watch, "watch");
        requireNonNull(uploadInParts, "uploadInParts");
        requireNonNull(webhooks, "webhooks");
    }
}
