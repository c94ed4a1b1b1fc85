package cn.cg.api.security;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token says the caller is: the map page shows it and offers only what the role may do. */
@RestController
class ViewerController {

    @Operation(summary = "The caller's role",
            description = "role (public without a token; researcher, planner, leader, admin) and name; a token that is not "
                    + "accepted is a 401. Roles are ordered, each may do what the ones before it may (docs/security.md).")
    @GetMapping("/api/v1/me")
    Map<String, Object> me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Role role = Viewer.role();
        return Map.of("role", role.label(), "name", role == Role.PUBLIC || auth == null ? "public" : auth.getName(),
                "roles", java.util.Arrays.stream(Role.values()).map(Role::label).toList());
    }
}
