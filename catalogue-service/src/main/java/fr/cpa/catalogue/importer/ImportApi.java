package fr.cpa.catalogue.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

public final class ImportApi {

    private ImportApi() {
    }

    @Schema(description = "A rejected row: its line in the file (1 = header), its offer number, why")
    public record Rejection(long line, String number, String reasons) {
    }

    @Schema(description = "An import's progress. Rows are created (a new offer), updated (the offer or its "
            + "department changed), unchanged (a re-run) or rejected.")
    public record ImportView(String id, @Schema(description = "RUNNING, DONE or FAILED") String status,
                             String fileName, @Schema(description = "share of the file read") Integer percent,
                             long rowsRead, long created, long updated, long unchanged, long rejected,
                             @Schema(description = "the first 100 rejected rows") List<Rejection> rejections,
                             String error, Instant startedAt, Instant finishedAt) {
    }
}
