package directory

import (
	"context"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// BulkResetPasswords gives many users a generated temporary password, each
// in its own transaction with the target rules of a single reset. The
// real product stops at 40 users; Atrium takes up to maxBulk. The caller's
// own password is never among them: that is changed in My account.
func (s *Service) BulkResetPasswords(ctx context.Context, tenantID string, userIDs []string, force bool) ([]BulkResult, error) {
	p, err := s.authorize(ctx, authz.PasswordsReset, tenantID)
	if err != nil {
		return nil, err
	}
	if len(userIDs) == 0 || len(userIDs) > maxBulk {
		return nil, Invalid("userIds", "Give 1 to %d user ids.", maxBulk)
	}
	results := make([]BulkResult, 0, len(userIDs))
	seen := map[string]bool{}
	for _, id := range userIDs {
		r := BulkResult{UserID: id, Status: "done"}
		key := strings.ToLower(id)
		switch {
		case seen[key]:
			r.Status, r.Reason = "skipped", "listed twice"
		case key == p.UserID || strings.EqualFold(id, p.UPN):
			r.Status, r.Reason = "skipped", "Your own password isn't reset here; change it in My account."
		default:
			r.TemporaryPassword, err = s.ResetPassword(ctx, tenantID, id, "", force)
			if de, ok := AsError(err); ok {
				r.Status, r.Reason = "failed", de.Message
			} else if err != nil {
				return results, err
			}
		}
		seen[key] = true
		results = append(results, r)
	}
	return results, nil
}
