package se.vagvisaren.safeguarding;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.vagvisaren.admin.AdminAccess;

/**
 * Admin API for data subject requests that come in outside Teams (e-mail to the registrar, a letter):
 * {@code GET /api/privacy/export} gives a JSON copy of a person's data (GDPR Art. 15) and
 * {@code DELETE /api/privacy/users} erases it (Art. 17). Both take {@code tenantId} and {@code userId}
 * (the Entra object id), require the admin key ({@link AdminAccess}: header {@code X-Api-Key}, or loopback
 * when no key is configured) and are written to the audit log with the way in as actor.
 */
@RestController
@RequiredArgsConstructor
class PrivacyAdminController {

    private static final int MAX_ID_LENGTH = 256;

    private final PersonalDataRegistry registry;
    private final AdminAccess access;

    @GetMapping(path = "/api/privacy/export", produces = "application/json")
    ResponseEntity<Object> export(@RequestParam(required = false) String tenantId,
            @RequestParam(required = false) String userId, HttpServletRequest request) {
        ResponseEntity<Object> refusal = refusal(request, tenantId, userId);
        if (refusal != null) {
            return refusal;
        }
        PersonalDataRegistry.Export export = registry.exportUser(tenantId, userId, actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", export.tenantId());
        body.put("userId", export.userId());
        body.put("exportedAt", export.exportedAt().toString());
        body.put("total", export.total());
        body.put("stores", export.stores());
        body.put("failedStores", export.failedStores());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping(path = "/api/privacy/users", produces = "application/json")
    ResponseEntity<Object> erase(@RequestParam(required = false) String tenantId,
            @RequestParam(required = false) String userId, HttpServletRequest request) {
        ResponseEntity<Object> refusal = refusal(request, tenantId, userId);
        if (refusal != null) {
            return refusal;
        }
        PersonalDataRegistry.Erasure erasure = registry.eraseUser(tenantId, userId, actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erased", erasure.erased());
        body.put("total", erasure.total());
        body.put("failedStores", erasure.failedStores());
        HttpStatus status = erasure.failedStores().isEmpty() ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }

    /** The way in, for the audit log: a role, never a person. */
    private String actor() {
        return access.keyConfigured() ? "admin-api-key" : "admin-loopback";
    }

    /** The error response for a refused or malformed request, or {@code null} to go ahead. */
    private ResponseEntity<Object> refusal(HttpServletRequest request, String tenantId, String userId) {
        if (!access.allows(request)) {
            return access.keyConfigured()
                    ? error(HttpStatus.UNAUTHORIZED, "missing or wrong " + AdminAccess.HEADER)
                    : error(HttpStatus.FORBIDDEN, "no admin key configured: only loopback requests are served");
        }
        if (!validId(tenantId) || !validId(userId)) {
            return error(HttpStatus.BAD_REQUEST, "tenantId and userId are required (1-" + MAX_ID_LENGTH + " characters)");
        }
        return null;
    }

    private static boolean validId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.chars().noneMatch(Character::isISOControl);
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(Map.of("error", message));
    }
}
