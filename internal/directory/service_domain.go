package directory

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"slices"

	"github.com/atriumhq/atrium/internal/authz"
)

// ListDomains returns the tenant's domains.
func (s *Service) ListDomains(ctx context.Context, tenantID string) ([]Domain, error) {
	var ds []Domain
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		ds, err = tx.ListDomains()
		return err
	})
	return ds, err
}

// GetDomain returns one of the tenant's domains.
func (s *Service) GetDomain(ctx context.Context, tenantID, name string) (Domain, error) {
	var d Domain
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return d, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		d, err = tx.GetDomain(Fold(name))
		return err
	})
	return d, err
}

// AddDomain adds a domain to the tenant, unverified unless it lies under a
// domain the tenant has verified already.
func (s *Service) AddDomain(ctx context.Context, tenantID, name string) (Domain, error) {
	p, err := s.authorize(ctx, authz.DomainsManage, tenantID)
	if err != nil {
		return Domain{}, err
	}
	n, err := NormalizeDomainName(name)
	if err != nil {
		return Domain{}, err
	}
	if n == s.platform || IsSubdomainOf(n, s.platform) {
		return Domain{}, Invalid("id", "The domain %s belongs to this Atrium deployment; add a domain your organization owns.", n)
	}
	code, err := verificationCode()
	if err != nil {
		return Domain{}, err
	}
	d := Domain{Name: n, IsRoot: true, AuthenticationType: "Managed", VerificationCode: code, CreatedAt: s.Now()}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		existing, err := tx.ListDomains()
		if err != nil {
			return err
		}
		if slices.ContainsFunc(existing, func(e Domain) bool { return e.Name == n }) {
			return &Error{Kind: KindConflict, Field: "id", Code: "ObjectConflict", Message: fmt.Sprintf("The domain %s has already been added to your organization.", n)}
		}
		activity := "Add unverified domain"
		for _, e := range existing {
			if e.IsVerified && IsSubdomainOf(n, e.Name) {
				d.IsVerified, d.IsRoot, d.VerifiedAt, activity = true, false, d.CreatedAt, "Add verified domain"
			}
		}
		if d.IsVerified {
			if taken, err := tx.VerifiedElsewhere(n); err != nil || taken {
				return verifiedElsewhere(n, err)
			}
		}
		if err := tx.CreateDomain(&d); err != nil {
			return renameConflict(err, "id", fmt.Sprintf("The domain %s is already verified in another organization.", n))
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", activity, "Add", AuditTarget{ID: n, DisplayName: n, Type: "Domain"})
	})
	return d, err
}

func verifiedElsewhere(name string, err error) error {
	if err != nil {
		return err
	}
	return &Error{Kind: KindInvalid, Field: "id", Message: fmt.Sprintf("The domain %s is already verified in another organization.", name)}
}

// verificationCode returns "MS=ms" and 8 random digits, the format
// Microsoft 365 uses.
func verificationCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(100_000_000))
	if err != nil {
		return "", fmt.Errorf("verification code: %w", err)
	}
	return fmt.Sprintf("MS=ms%08d", n.Int64()), nil
}

// VerifyDomain looks up the domain's TXT record in DNS and marks the
// domain verified when the record holds the tenant's code.
func (s *Service) VerifyDomain(ctx context.Context, tenantID, name string) (Domain, error) {
	p, err := s.authorize(ctx, authz.DomainsManage, tenantID)
	if err != nil {
		return Domain{}, err
	}
	d, err := s.GetDomain(ctx, tenantID, name)
	if err != nil || d.IsVerified {
		return d, err
	}
	txts, lookupErr := s.resolver.LookupTXT(ctx, d.Name)
	if !slices.Contains(txts, d.VerificationCode) {
		msg := fmt.Sprintf("Domain verification failed: TXT record %s was not found at %s.", d.VerificationCode, d.Name)
		if lookupErr != nil && !isNotFoundDNS(lookupErr) {
			msg = fmt.Sprintf("Domain verification failed: the DNS lookup of %s failed. Try again later.", d.Name)
		}
		return d, Invalid("id", "%s", msg)
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		cur, err := tx.GetDomain(d.Name)
		if err != nil || cur.IsVerified {
			d = cur
			return err
		}
		if taken, err := tx.VerifiedElsewhere(d.Name); err != nil || taken {
			return verifiedElsewhere(d.Name, err)
		}
		d = cur
		d.IsVerified, d.VerifiedAt = true, s.Now()
		if err := tx.UpdateDomain(&d); err != nil {
			return renameConflict(err, "id", fmt.Sprintf("The domain %s is already verified in another organization.", d.Name))
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", "Verify domain", "Update", AuditTarget{ID: d.Name, DisplayName: d.Name, Type: "Domain",
			ModifiedProperties: []ModifiedProperty{{Name: "IsVerified", Old: "false", New: "true"}}})
	})
	if KindOf(err) == KindConflict {
		return d, verifiedElsewhere(d.Name, nil)
	}
	return d, err
}

// SetDefaultDomain makes a verified domain the tenant's default.
func (s *Service) SetDefaultDomain(ctx context.Context, tenantID, name string) error {
	p, err := s.authorize(ctx, authz.DomainsManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		ds, err := tx.ListDomains()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(ds, func(d Domain) bool { return d.Name == Fold(name) })
		switch {
		case i < 0:
			return NotFound(name)
		case !ds[i].IsVerified:
			return Invalid("isDefault", "Only a verified domain can be the default; verify %s first.", ds[i].Name)
		case ds[i].IsDefault:
			return nil
		}
		for _, d := range ds {
			if d.IsDefault {
				d.IsDefault = false
				if err := tx.UpdateDomain(&d); err != nil {
					return err
				}
			}
		}
		ds[i].IsDefault = true
		if err := tx.UpdateDomain(&ds[i]); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", "Set default domain", "Update", AuditTarget{ID: ds[i].Name, DisplayName: ds[i].Name, Type: "Domain",
			ModifiedProperties: []ModifiedProperty{{Name: "IsDefault", Old: "false", New: "true"}}})
	})
}

// DeleteDomain removes a domain nothing uses any more. The initial and the
// default domain can't be removed.
func (s *Service) DeleteDomain(ctx context.Context, tenantID, name string) error {
	p, err := s.authorize(ctx, authz.DomainsManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		d, err := tx.GetDomain(Fold(name))
		if err != nil {
			return err
		}
		switch {
		case d.IsInitial:
			return Invalid("id", "The initial domain %s can't be removed.", d.Name)
		case d.IsDefault:
			return Invalid("id", "The default domain %s can't be removed; make another domain the default first.", d.Name)
		}
		use, err := tx.DomainUsage(d.Name)
		if err != nil {
			return err
		}
		if use.InUse() {
			return Invalid("id", "The domain %s is still in use by %d user(s), %d group(s) and %d deleted user(s); change their names and addresses, or purge the deleted users, first.",
				d.Name, use.Users, use.Groups, use.DeletedUsers)
		}
		if err := tx.DeleteDomain(d.Name); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", "Remove domain", "Delete", AuditTarget{ID: d.Name, DisplayName: d.Name, Type: "Domain"})
	})
}
