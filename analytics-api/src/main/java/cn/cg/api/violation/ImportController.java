package cn.cg.api.violation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ViolationImporter importer;

    ImportController(ViolationImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "Import a file of cases",
            description = "CSV (the project's own columns, or a profile's), GeoJSON Point features or Open311 GeoReport v2 "
                    + "JSON. The whole file commits or nothing does; re-importing adds nothing. Every rejected row is "
                    + "listed with its line and reason; accepted + rejected + duplicates = rowsRead.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFile(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "csv, geojson or open311; guessed from the file name when absent")
            @RequestParam(required = false) String format,
            @Parameter(description = "wgs84 (default), gcj02, bd09 or EPSG:n, e.g. EPSG:4547")
            @RequestParam(required = false) String crs,
            @Parameter(description = "cg, open311 or sf-incidents; the format's own when absent")
            @RequestParam(required = false) String profile) throws IOException {
        ImportRequest request = ImportRequest.of(file.getOriginalFilename(), format, crs, profile);
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(201).body(importer.importCases(in, request));
        }
    }
}
