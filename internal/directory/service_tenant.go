package directory

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/password"
)

// NewTenant is what it takes to create a tenant: the organization's name,
// the prefix of its initial domain, and its first Global admin.
type NewTenant struct {
	Name          string
	DomainPrefix  string
	AdminUsername string
	AdminPassword string
}

// CreatedTenant tells how to reach a new tenant.
type CreatedTenant struct {
	TenantID      string
	InitialDomain string
	AdminID       string
	AdminUPN      string
}

// CreateTenant creates a tenant with its verified initial domain
// <prefix>.<platform domain> and its first user, a Global admin. Callers
// are the operator CLI and, when the deployment allows it, self-service
// sign-up; the audit records name the operator or the new admin.
func (s *Service) CreateTenant(ctx context.Context, nt NewTenant) (CreatedTenant, error) {
	name := strings.TrimSpace(nt.Name)
	if name == "" || len(name) > 256 || strings.ContainsFunc(name, isControl) {
		return CreatedTenant{}, Invalid("name", "The organization name is required and must be 256 characters or fewer.")
	}
	prefix := strings.ToLower(strings.TrimSpace(nt.DomainPrefix))
	if len(prefix) < 2 || len(prefix) > 27 || checkDomainName(prefix+".x") != "" {
		return CreatedTenant{}, Invalid("domainPrefix", "The domain prefix must be 2 to 27 letters, digits or '-' and can't start or end with '-'.")
	}
	initial := prefix + "." + s.platform
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return CreatedTenant{}, fmt.Errorf("tenant cursor secret: %w", err)
	}
	now := s.Now()
	t := Tenant{ID: newID(), CreatedAt: now, CursorSecret: secret, Org: Organization{DisplayName: name}}
	admin := User{ID: newObjectID(), AccountEnabled: true, UserType: "Member", CreatedAt: now}
	c := Changes{"displayName": nt.AdminUsername, "mailNickname": MailNicknameFrom(nt.AdminUsername),
		"userPrincipalName": nt.AdminUsername + "@" + initial, "accountEnabled": true}
	if _, err := applyUserChanges(&admin, c, true); err != nil {
		if de, ok := AsError(err); ok {
			de.Field, de.Message = "adminUsername", "The admin user name is invalid: "+de.Message
		}
		return CreatedTenant{}, err
	}
	terms := password.Terms{Tenant: password.NameTokens(name, prefix)}
	if err := password.CheckAll(nt.AdminPassword, terms); err != nil {
		return CreatedTenant{}, &Error{Kind: KindInvalid, Field: "adminPassword", Message: err.Error(), Err: err}
	}
	// Cheap checks first: only then pay for argon2id and an RSA key.
	if _, err := s.store.ResolveTenant(ctx, initial); err == nil {
		return CreatedTenant{}, prefixTaken(prefix)
	} else if KindOf(err) != KindNotFound {
		return CreatedTenant{}, err
	}
	key, err := s.newKey()
	if err != nil {
		return CreatedTenant{}, err
	}
	np, err := s.hashPassword(&PasswordProfile{Password: nt.AdminPassword}, terms)
	if err != nil {
		if de, ok := AsError(err); ok {
			de.Field = "adminPassword"
		}
		return CreatedTenant{}, err
	}
	np.apply(&admin)
	p, _ := authz.FromContext(ctx)
	if !p.Operator {
		p = authz.Principal{UserID: admin.ID, TenantID: t.ID, UPN: admin.UserPrincipalName, DisplayName: admin.DisplayName, IPAddress: p.IPAddress}
	}
	err = s.store.CreateTenant(ctx, t, func(tx Tx) error {
		if taken, err := tx.VerifiedElsewhere(initial); err != nil || taken {
			if err == nil {
				err = prefixTaken(prefix)
			}
			return err
		}
		d := Domain{Name: initial, IsVerified: true, IsDefault: true, IsInitial: true, IsRoot: true,
			AuthenticationType: "Managed", CreatedAt: now, VerifiedAt: now}
		if err := tx.CreateDomain(&d); err != nil {
			return renameConflict(err, "domainPrefix", prefixTaken(prefix).Error())
		}
		if err := tx.CreateUser(&admin); err != nil {
			return err
		}
		ra := RoleAssignment{ID: newID(), RoleTemplateID: authz.GlobalAdmin.TemplateID, PrincipalID: admin.ID, CreatedAt: now}
		if err := tx.AddRoleAssignment(&ra); err != nil {
			return err
		}
		if err := tx.ActivateRole(&ActivatedRole{ID: newID(), RoleTemplateID: ra.RoleTemplateID, ActivatedAt: now}); err != nil {
			return err
		}
		key.CreatedAt = now
		if err := tx.AddSigningKey(&key); err != nil {
			return err
		}
		orgTarget := AuditTarget{ID: t.ID, DisplayName: name, Type: "Organization"}
		if err := s.audit(ctx, tx, p, "DirectoryManagement", "Create company", "Add", orgTarget); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, p, "UserManagement", "Add user", "Add", userTarget(&admin, createdProps(&admin))); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "RoleManagement", "Add member to role", "Assign", userTarget(&admin,
			[]ModifiedProperty{{Name: "Role.DisplayName", New: authz.GlobalAdmin.DisplayName}}))
	})
	if err != nil {
		return CreatedTenant{}, err
	}
	return CreatedTenant{TenantID: t.ID, InitialDomain: initial, AdminID: admin.ID, AdminUPN: admin.UserPrincipalName}, nil
}

func prefixTaken(prefix string) error {
	return &Error{Kind: KindConflict, Field: "domainPrefix", Code: "ObjectConflict",
		Message: fmt.Sprintf("The domain prefix '%s' is taken; choose another.", prefix)}
}

// renameConflict gives a conflict error a caller-specific field and message.
func renameConflict(err error, field, msg string) error {
	if de, ok := AsError(err); ok && de.Kind == KindConflict {
		return &Error{Kind: KindConflict, Field: field, Code: "ObjectConflict", Message: msg}
	}
	return err
}

// ResolveTenant finds a tenant by id or verified domain name.
func (s *Service) ResolveTenant(ctx context.Context, idOrDomain string) (string, error) {
	return s.store.ResolveTenant(ctx, strings.ToLower(strings.TrimSpace(idOrDomain)))
}

// SigningKeys returns the tenant's published token signing keys, the one
// that signs now first. Only the authentication layer and the operator
// call it; it does not depend on a principal.
func (s *Service) SigningKeys(ctx context.Context, tenantID string) ([]SigningKey, error) {
	var keys []SigningKey
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		keys, err = tx.SigningKeys()
		return err
	})
	return publishedKeys(keys, s.Now()), err
}

// LoadPrincipal builds the principal of an active, enabled user from the
// current directory state, so that blocking or deleting a user takes effect
// on the next request.
func (s *Service) LoadPrincipal(ctx context.Context, tenantID, userID string) (authz.Principal, error) {
	var p authz.Principal
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := tx.GetUser(userID)
		if err != nil {
			return err
		}
		if !u.AccountEnabled {
			return &Error{Kind: KindUnauthenticated, Message: "The user account is disabled."}
		}
		ras, err := tx.ListRoleAssignments(RoleFilter{PrincipalID: u.ID})
		if err != nil {
			return err
		}
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		expired := t.Settings.PasswordPolicy.PasswordExpired(u.PasswordChangedAt, s.Now())
		p = authz.Principal{UserID: u.ID, TenantID: tenantID, UPN: u.UserPrincipalName, DisplayName: u.DisplayName,
			MustChangePassword: u.ForceChangePassword || expired}
		for _, ra := range ras {
			if r, ok := authz.RoleByTemplate(ra.RoleTemplateID); ok {
				p.Roles = append(p.Roles, r.Key)
			}
		}
		return nil
	})
	if KindOf(err) == KindNotFound {
		// Not a user of the tenant: perhaps a partner's user acting here.
		p, err = s.foreignPrincipal(ctx, tenantID, userID)
	}
	if KindOf(err) == KindNotFound {
		return p, &Error{Kind: KindUnauthenticated, Message: "The user of this token no longer exists."}
	}
	return p, err
}

// FindUserForToken looks a user up by user principal name for the operator's
// token command.
func (s *Service) FindUserForToken(ctx context.Context, tenantID, upn string) (User, error) {
	var u User
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		u, err = findUser(tx, upn)
		return err
	})
	return u, err
}

// CursorSecret returns the key that signs the tenant's paging tokens. Only
// the API layer calls it, for a principal of the tenant.
func (s *Service) CursorSecret(ctx context.Context, tenantID string) ([]byte, error) {
	var secret []byte
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		secret = t.CursorSecret
		return err
	})
	return secret, err
}
