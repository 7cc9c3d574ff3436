package directory

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/atriumhq/atrium/internal/authz"
)

// MyInstalls returns the caller's app activations.
func (s *Service) MyInstalls(ctx context.Context, tenantID string) (Installs, error) {
	p, err := s.self(ctx, tenantID)
	if err != nil {
		return Installs{}, err
	}
	return s.UserInstalls(ctx, tenantID, p.UserID)
}

// UserInstalls returns a user's app activations; readable with
// licenses.read, and by the user themself.
func (s *Service) UserInstalls(ctx context.Context, tenantID, idOrUPN string) (Installs, error) {
	var out Installs
	p, err := caller(ctx)
	if err != nil {
		return out, err
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err := s.mayReadLicenses(p, tenantID, u, err); err != nil {
			return err
		}
		if out.Eligible, err = s.mayInstall(tx, u.ID); err != nil {
			return err
		}
		out.Items, err = tx.ListInstalls(u.ID)
		return err
	})
	return out, err
}

// ActivateInstall records the caller's activation of the apps on a device:
// it needs a license with the apps' plan switched on, and a free place
// among the InstallLimit devices of its kind.
func (s *Service) ActivateInstall(ctx context.Context, tenantID, deviceName, kind string) (Install, error) {
	in := Install{ID: newID(), Kind: kind, DeviceName: strings.TrimSpace(deviceName)}
	p, err := s.self(ctx, tenantID)
	if err != nil {
		return in, err
	}
	in.UserID = p.UserID
	if _, ok := installKinds[kind]; !ok {
		return in, Invalid("kind", "kind must be pc, tablet or phone.")
	}
	if n := len([]rune(in.DeviceName)); n == 0 || n > 64 || strings.ContainsFunc(in.DeviceName, unicode.IsControl) {
		return in, Invalid("deviceName", "deviceName must be 1 to 64 characters without control characters.")
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := tx.GetUser(p.UserID)
		if err != nil {
			return err
		}
		ok, err := s.mayInstall(tx, u.ID)
		if err != nil {
			return err
		}
		if !ok {
			return &Error{Kind: KindDenied, Code: "NoAppsLicense", Message: "Your account doesn't include the Office apps (" +
				OfficeDesktopPlan + "). Ask your admin for a license that includes them."}
		}
		held, err := tx.ListInstalls(u.ID)
		if err != nil {
			return err
		}
		var active []string
		for _, h := range held {
			if h.Kind == kind {
				active = append(active, h.DeviceName)
			}
		}
		if slices.ContainsFunc(active, func(n string) bool { return strings.EqualFold(n, in.DeviceName) }) {
			return &Error{Kind: KindConflict, Field: "deviceName", Code: "InstallExists",
				Message: "The apps are active on " + in.DeviceName + " already."}
		}
		if len(active) >= InstallLimit {
			return &Error{Kind: KindConflict, Field: "kind", Code: "InstallLimitReached",
				Message: "You have activated the apps on 5 " + installKinds[kind] + " already: " + strings.Join(active, ", ") +
					". Deactivate one in My account first."}
		}
		in.ActivatedAt = s.Now()
		if err := tx.CreateInstall(&in); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Activate apps on a device", "Add", installTarget(&u, "", in.DeviceName))
	})
	return in, err
}

// DeactivateInstall removes one of the caller's activations.
func (s *Service) DeactivateInstall(ctx context.Context, tenantID, id string) error {
	p, err := s.self(ctx, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := tx.GetUser(p.UserID)
		if err != nil {
			return err
		}
		held, err := tx.ListInstalls(u.ID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(held, func(h Install) bool { return h.ID == id })
		if i < 0 {
			return NotFound(id)
		}
		if err := tx.DeleteInstall(u.ID, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Deactivate apps on a device", "Delete", installTarget(&u, held[i].DeviceName, ""))
	})
}

// mayInstall reports whether a user holds a license with the apps' plan
// switched on.
func (s *Service) mayInstall(tx Tx, userID string) (bool, error) {
	held, err := tx.ListLicenses(userID)
	if err != nil {
		return false, err
	}
	sp, ok := s.catalog.PlanByName(OfficeDesktopPlan)
	return ok && s.wantedPlans(held)[sp.ID], nil
}

// self returns the caller, a signed-in user of tenantID.
func (s *Service) self(ctx context.Context, tenantID string) (authz.Principal, error) {
	p, err := caller(ctx)
	if err != nil {
		return p, err
	}
	if p.UserID == "" || p.TenantID != tenantID {
		return p, &Error{Kind: KindInvalid, Message: "Only a signed-in user of the organization has app installs."}
	}
	return p, nil
}

func installTarget(u *User, old, new string) AuditTarget {
	return userTarget(u, []ModifiedProperty{{Name: "installs", Old: old, New: new}})
}
