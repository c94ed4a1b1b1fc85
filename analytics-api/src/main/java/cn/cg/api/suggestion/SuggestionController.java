package cn.cg.api.suggestion;

import cn.cg.api.system.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Site suggestions: run (and save) a scenario, list, reopen, compare and export saved ones. */
@RestController
@RequestMapping("/api/v1/suggestions")
class SuggestionController {

    private final SuggestionService service;
    private final SuggestionStore store;

    SuggestionController(SuggestionService service, SuggestionStore store) {
        this.service = service;
        this.store = store;
    }

    @PostMapping("/vendor-zones")
    ResponseEntity<SuggestionAnswer> vendorZones(@RequestBody(required = false) VendorZoneRequest request) {
        return created(service.vendorZones(request == null ? new VendorZoneRequest(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null) : request));
    }

    @PostMapping("/service-stations")
    ResponseEntity<SuggestionAnswer> serviceStations(@RequestBody(required = false) ServiceStationRequest request) {
        return created(service.serviceStations(request == null ? new ServiceStationRequest(null, null, null, null, null,
                null, null, null, null, null, null, null, null, null) : request));
    }

    @GetMapping
    List<SuggestionStore.Summary> list(@RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "100") int limit) {
        if (kind != null && !kind.equals("vendor-zones") && !kind.equals("service-stations")) {
            throw new InvalidParameterException("kind", "use vendor-zones or service-stations");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidParameterException("limit", "must be 1..1000");
        }
        return store.list(kind, limit);
    }

    @GetMapping(value = "/{id:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
    String one(@PathVariable long id) {
        String json = store.json(id);
        if (json == null) {
            throw notFound(id);
        }
        return json;
    }

    @GetMapping("/compare")
    SuggestionCompare compare(@RequestParam long a, @RequestParam long b) {
        return SuggestionCompare.of(load(a), load(b));
    }

    @GetMapping(value = "/{id:\\d+}.geojson", produces = "application/geo+json")
    Map<String, Object> geoJson(@PathVariable long id) {
        return SuggestionExport.geoJson(load(id));
    }

    @GetMapping(value = "/{id:\\d+}.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        SuggestionAnswer a = load(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + SuggestionExport.fileName(a, "csv") + "\"")
                .body(SuggestionExport.csv(a));
    }

    private SuggestionAnswer load(long id) {
        SuggestionAnswer a = store.answer(id);
        if (a == null) {
            throw notFound(id);
        }
        return a;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no saved suggestion " + id);
    }

    private static ResponseEntity<SuggestionAnswer> created(SuggestionAnswer a) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/suggestions/" + a.id())
                .body(a);
    }
}
