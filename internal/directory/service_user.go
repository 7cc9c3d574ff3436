package directory

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/google/uuid"
)

// ListUsers returns a page of the tenant's users (or of its deleted users
// when q.Deleted).
func (s *Service) ListUsers(ctx context.Context, tenantID string, q ListQuery) (Page[User], error) {
	var page Page[User]
	if err := s.authorizeUserQuery(ctx, tenantID, q); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListUsers(q)
		return err
	})
	return page, err
}

// CountUsers counts the users q selects, ignoring paging.
func (s *Service) CountUsers(ctx context.Context, tenantID string, q ListQuery) (int, error) {
	var n int
	if err := s.authorizeUserQuery(ctx, tenantID, q); err != nil {
		return 0, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		n, err = tx.CountUsers(q)
		return err
	})
	return n, err
}

// GetUser returns the active user with the given id or user principal name.
func (s *Service) GetUser(ctx context.Context, tenantID, idOrUPN string) (User, error) {
	var u User
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return u, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		u, err = findUser(tx, idOrUPN)
		return err
	})
	return u, err
}

// Me returns the calling user.
func (s *Service) Me(ctx context.Context, tenantID string) (User, error) {
	p, ok := authz.FromContext(ctx)
	if !ok || p.UserID == "" {
		return User{}, &Error{Kind: KindInvalid, Message: "/me is only valid with a user's token."}
	}
	return s.GetUser(ctx, tenantID, p.UserID)
}

func findUser(tx Tx, idOrUPN string) (User, error) {
	if strings.Contains(idOrUPN, "@") {
		return tx.GetUserByUPN(idOrUPN)
	}
	if _, err := uuid.Parse(idOrUPN); err != nil {
		return User{}, NotFound(idOrUPN)
	}
	return tx.GetUser(strings.ToLower(idOrUPN))
}

// CreateUser adds a user. The user principal name must be in a verified
// domain of the tenant and the password must meet the policy.
func (s *Service) CreateUser(ctx context.Context, tenantID string, c Changes, pw *PasswordProfile) (User, error) {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return User{}, err
	}
	u := User{ID: newObjectID(), UserType: "Member", CreatedAt: s.Now()}
	if _, err := applyUserChanges(&u, c, true); err != nil {
		return User{}, err
	}
	if pw == nil || pw.Password == "" {
		return User{}, Invalid("passwordProfile", "Property 'passwordProfile' with a 'password' is required when creating a user.")
	}
	terms, err := s.passwordTerms(ctx, tenantID, u.GivenName, u.Surname)
	if err != nil {
		return User{}, err
	}
	np, err := s.hashPassword(pw, terms)
	if err != nil {
		return User{}, err
	}
	np.apply(&u)
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := requireVerifiedDomains(tx, &u); err != nil {
			return err
		}
		if err := tx.CreateUser(&u); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Add user", "Add", userTarget(&u, createdProps(&u)))
	})
	return u, err
}

// createdProps lists the non-empty properties of a new user for its audit
// record.
func createdProps(u *User) []ModifiedProperty {
	var mods []ModifiedProperty
	for _, p := range UserProps {
		if v := p.value(u); v != "" && v != "[]" {
			mods = append(mods, ModifiedProperty{Name: p.Name, New: v})
		}
	}
	return mods
}

// newPassword is a checked and hashed password, ready to store.
type newPassword struct {
	hash  string
	force bool
	setAt time.Time
}

// hashPassword checks pw against the policy and hashes it. It runs before
// the store transaction: argon2id is slow on purpose and must not hold the
// database's writer.
func (s *Service) hashPassword(pw *PasswordProfile, terms password.Terms) (newPassword, error) {
	if err := password.CheckAll(pw.Password, terms); err != nil {
		return newPassword{}, policyError(err)
	}
	hash, err := s.hasher.Hash(pw.Password)
	if err != nil {
		return newPassword{}, err
	}
	return newPassword{hash: hash, force: pw.ForceChangePasswordNextSignIn, setAt: s.Now()}, nil
}

// policyError wraps a password rule's refusal in a domain error; the API
// shows the rule's message in the caller's language.
func policyError(err error) error {
	var pe *password.PolicyError
	if errors.As(err, &pe) {
		return &Error{Kind: KindInvalid, Field: "passwordProfile.password", Code: string(pe.Rule), Err: pe,
			Message: "The specified password does not comply with password complexity requirements. Please provide a different password. " + pe.Msg}
	}
	return err
}

// passwordTerms gathers what a user's password is checked against besides
// the global list: the tenant's banned terms and names, and the user's
// names.
func (s *Service) passwordTerms(ctx context.Context, tenantID, givenName, surname string) (password.Terms, error) {
	terms := password.Terms{Personal: password.NameTokens(givenName, surname)}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		ds, err := tx.ListDomains()
		if err != nil {
			return err
		}
		terms.Custom = t.Settings.PasswordPolicy.CustomBannedPasswords
		terms.Tenant = password.NameTokens(t.Org.DisplayName)
		for _, d := range ds {
			if d.IsInitial {
				terms.Tenant = append(terms.Tenant, password.NameTokens(strings.TrimSuffix(d.Name, "."+s.platform))...)
			}
		}
		return nil
	})
	return terms, err
}

func (np newPassword) apply(u *User) {
	u.PasswordHash, u.ForceChangePassword, u.PasswordChangedAt = np.hash, np.force, np.setAt
}

// requireVerifiedDomains checks that the user's principal name and mail
// address are in verified domains of the tenant.
func requireVerifiedDomains(tx Tx, u *User) error {
	for _, a := range u.Addresses() {
		d, err := tx.GetDomain(a.Domain)
		if KindOf(err) == KindNotFound || (err == nil && !d.IsVerified) {
			return Invalid(a.Property, "The domain portion of the %s property is invalid. You must use one of the verified domain names in your organization.", a.Property)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// UpdateUser applies a PATCH to a user. Attributes mastered on-premises
// can't change while the user is synced.
func (s *Service) UpdateUser(ctx context.Context, tenantID, idOrUPN string, c Changes, pw *PasswordProfile) error {
	p, err := caller(ctx)
	if err != nil {
		return err
	}
	perm := authz.UsersWrite
	if _, ok := c["usageLocation"]; ok && len(c) == 1 && authz.Check(p, authz.UsersWrite, tenantID) != nil {
		perm = authz.LicensesManage // license admins set the location licenses need
	}
	if len(c) > 0 || pw == nil {
		if _, err := s.authorize(ctx, perm, tenantID); err != nil {
			return err
		}
	}
	var np *newPassword
	if pw != nil {
		if _, err := s.authorize(ctx, authz.PasswordsReset, tenantID); err != nil {
			return err
		}
		cur, err := s.GetUser(ctx, tenantID, idOrUPN)
		if err != nil {
			return err
		}
		terms, err := s.passwordTerms(ctx, tenantID, cur.GivenName, cur.Surname)
		if err != nil {
			return err
		}
		hashed, err := s.hashPassword(pw, terms)
		if err != nil {
			return err
		}
		np = &hashed
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err != nil {
			return err
		}
		if u.Synced() {
			for name := range c {
				if prop, ok := LookupUserProp(name); ok && prop.Synced {
					return ErrSyncMastered
				}
			}
			if pw != nil {
				return ErrSyncMastered
			}
		}
		wasEnabled, oldUPN, oldMail := u.AccountEnabled, u.UserPrincipalName, u.Mail
		mods, err := applyUserChanges(&u, c, false)
		if err != nil {
			return err
		}
		if err := s.checkUserChange(tx, p, perm, tenantID, &u, mods, np != nil); err != nil {
			return err
		}
		if _, ok := c["usageLocation"]; ok {
			if err := s.checkUsageLocation(tx, &u); err != nil {
				return err
			}
		}
		if u.ID == p.UserID && wasEnabled && !u.AccountEnabled {
			return Invalid("accountEnabled", "You can't block sign-in for your own account.")
		}
		if wasEnabled && !u.AccountEnabled {
			if err := keepGlobalAdmin(tx, u.ID); err != nil {
				return err
			}
		}
		if !strings.EqualFold(oldUPN, u.UserPrincipalName) || !strings.EqualFold(oldMail, u.Mail) {
			if err := requireVerifiedDomains(tx, &u); err != nil {
				return err
			}
		}
		if np != nil {
			np.apply(&u)
			// An admin reset ends a lockout (users-and-passwords.md §8).
			if err := tx.PutSignInState(&SignInState{UserID: u.ID, RecentBad: []string{}}); err != nil {
				return err
			}
		}
		if np != nil || (wasEnabled && !u.AccountEnabled) { // a reset or a block signs the user out everywhere
			if err := endSignIns(tx, u.ID); err != nil {
				return err
			}
		}
		if len(mods) == 0 && pw == nil {
			return nil
		}
		if err := tx.UpdateUser(&u); err != nil {
			return err
		}
		if len(mods) > 0 {
			if err := s.audit(ctx, tx, p, "UserManagement", "Update user", "Update", userTarget(&u, mods)); err != nil {
				return err
			}
		}
		if wasEnabled != u.AccountEnabled {
			act := map[bool]string{true: "Enable account", false: "Disable account"}[u.AccountEnabled]
			if err := s.audit(ctx, tx, p, "UserManagement", act, "Update", userTarget(&u, nil)); err != nil {
				return err
			}
		}
		if pw != nil {
			mod := []ModifiedProperty{{Name: "PasswordTemporary", Old: "", New: boolString(pw.ForceChangePasswordNextSignIn)}}
			return s.audit(ctx, tx, p, "UserManagement", "Reset user password", "Update", userTarget(&u, mod))
		}
		return nil
	})
}

// checkUserChange applies the target rules to a PATCH: sensitive
// properties (account-takeover paths) and passwords of admins are reserved
// for the roles that may touch admins.
func (s *Service) checkUserChange(tx Tx, p authz.Principal, perm authz.Permission, tenantID string, u *User, mods []ModifiedProperty, password bool) error {
	if len(mods) > 0 {
		act := authz.ActEdit
		for _, m := range mods {
			if prop, ok := LookupUserProp(m.Name); ok && prop.Sensitive {
				act = authz.ActSensitive
			}
		}
		if err := checkTarget(tx, p, perm, tenantID, act, u); err != nil {
			return err
		}
	}
	if password {
		return checkTarget(tx, p, authz.PasswordsReset, tenantID, authz.ActResetPassword, u)
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// DeleteUser moves a user to deleted items, restorable for 30 days.
func (s *Service) DeleteUser(ctx context.Context, tenantID, idOrUPN string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err != nil {
			return err
		}
		if u.Synced() {
			return ErrSyncMastered
		}
		if u.ID == p.UserID {
			return Invalid("id", "You can't delete your own account.")
		}
		if err := checkTarget(tx, p, authz.UsersWrite, tenantID, authz.ActSensitive, &u); err != nil {
			return err
		}
		if err := keepGlobalAdmin(tx, u.ID); err != nil {
			return err
		}
		if err := endSignIns(tx, u.ID); err != nil {
			return err
		}
		if err := s.releaseSeats(tx, u.ID); err != nil {
			return err
		}
		if err := tx.DeleteUser(u.ID, s.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Delete user", "Delete", userTarget(&u, nil))
	})
}

// GetDeletedUser returns a user in deleted items.
func (s *Service) GetDeletedUser(ctx context.Context, tenantID, id string) (User, error) {
	var u User
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return u, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		u, err = getDeleted(tx, id)
		return err
	})
	return u, err
}

func getDeleted(tx Tx, id string) (User, error) {
	if _, err := uuid.Parse(id); err != nil {
		return User{}, NotFound(id)
	}
	return tx.GetDeletedUser(strings.ToLower(id))
}

// RestoreUser brings a deleted user back. It fails with a conflict when
// another object took the user's name or address meanwhile.
func (s *Service) RestoreUser(ctx context.Context, tenantID, id string) (User, error) {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if u, err = getDeleted(tx, id); err != nil {
			return err
		}
		if u.Synced() {
			return ErrSyncMastered
		}
		if err := checkTarget(tx, p, authz.UsersWrite, tenantID, authz.ActSensitive, &u); err != nil {
			return err
		}
		if err := tx.RestoreUser(u.ID); err != nil {
			return err
		}
		u.DeletedAt = time.Time{}
		return s.audit(ctx, tx, p, "UserManagement", "Restore user", "Update", userTarget(&u, nil))
	})
	return u, err
}

// PurgeDeletedUser removes a user from deleted items for good.
func (s *Service) PurgeDeletedUser(ctx context.Context, tenantID, id string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := getDeleted(tx, id)
		if err != nil {
			return err
		}
		if err := checkTarget(tx, p, authz.UsersWrite, tenantID, authz.ActSensitive, &u); err != nil {
			return err
		}
		if err := tx.PurgeUser(u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Hard delete user", "Delete", userTarget(&u, nil))
	})
}

// PurgeExpired removes users deleted more than 30 days ago, in every
// tenant, a batch at a time; it returns how many it purged. Replicas may
// run it at the same time: a user purged by one is simply not found by the
// other.
func (s *Service) PurgeExpired(ctx context.Context, batch int) (int, error) {
	cutoff := s.Now().Add(-RetentionDeleted)
	expired, err := s.store.ExpiredDeletedUsers(ctx, cutoff, batch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, o := range expired {
		err := s.store.Update(ctx, o.TenantID, func(tx Tx) error {
			u, err := tx.GetDeletedUser(o.ID)
			if err != nil {
				return err
			}
			if !u.DeletedAt.Before(cutoff) { // restored and deleted again meanwhile
				return NotFound(o.ID)
			}
			if err := tx.PurgeUser(u.ID); err != nil {
				return err
			}
			return s.audit(ctx, tx, authz.Principal{DisplayName: "Atrium"}, "UserManagement", "Hard delete user", "Delete", userTarget(&u, nil))
		})
		switch {
		case err == nil:
			n++
		case KindOf(err) != KindNotFound:
			return n, err
		}
	}
	return n, nil
}
