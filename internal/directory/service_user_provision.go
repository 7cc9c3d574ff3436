package directory

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// ProvisionUser adds a user the way the add-user wizard does (spec §3.3,
// issue 6). It checks the whole request first, then creates the user with
// its usage location, bought seats, licenses, roles, set-password link,
// queued account emails and audit records in one transaction, so a
// failure leaves nothing behind. The license and role rules are those of
// AssignLicense and AssignRole.
func (s *Service) ProvisionUser(ctx context.Context, tenantID string, req NewAccount) (ProvisionedAccount, error) {
	var out ProvisionedAccount
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return out, err
	}
	if err := mayProvision(p, tenantID, req); err != nil {
		return out, err
	}
	u, err := newAccountUser(s.Now(), req)
	if err != nil {
		return out, err
	}
	roles, err := provisionRoles(req.Roles)
	if err != nil {
		return out, err
	}
	ch := LicenseChange{Add: slices.Clone(req.Licenses), AutoPurchase: req.AutoPurchase}
	if err := s.checkLicenseChange(&ch); err != nil {
		return out, inField(err, licenseField)
	}
	recipients, err := accountRecipients(req.EmailTo)
	if err != nil {
		return out, err
	}
	if err := checkReachable(&u, recipients); err != nil {
		return out, err
	}
	pw := req.Password
	if pw.Mode == "" {
		pw.Mode = PasswordByLink
	}
	clear, err := s.firstPassword(ctx, tenantID, &u, &pw)
	if err != nil {
		return out, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		out = ProvisionedAccount{User: u} // afresh on every attempt of the transaction
		if pw.Mode == PasswordGenerated {
			out.TemporaryPassword = clear
		}
		if err := s.createAccount(ctx, tx, p, tenantID, &out, ch, roles); err != nil {
			return err
		}
		m := accountMail{DisplayName: out.User.DisplayName, UPN: out.User.UserPrincipalName,
			SignInURL: req.PublicURL + "/signin", Password: clear, ForceChange: pw.ForceChange}
		if pw.Mode == PasswordByLink {
			token, expires, err := s.issuePasswordLink(tx, tenantID, out.User.ID)
			if err != nil {
				return err
			}
			out.SetPasswordURL, out.SetPasswordExpiry = PasswordLinkURL(req.PublicURL, token), expires
			m.LinkURL, m.LinkExpires = out.SetPasswordURL, expires
			if err := s.audit(ctx, tx, p, "UserManagement", "Create set-password link", "Add", userTarget(&out.User, nil)); err != nil {
				return err
			}
		}
		return s.queueAccountMail(ctx, tx, p, &out, m, recipients)
	})
	if err != nil {
		return ProvisionedAccount{}, err
	}
	return out, nil
}

// mayProvision checks the permissions the optional parts of a request
// need beyond users.write.
func mayProvision(p authz.Principal, tenantID string, req NewAccount) error {
	need := []authz.Permission{}
	if len(req.Roles) > 0 {
		need = append(need, authz.RolesDelegate)
	}
	if len(req.Licenses) > 0 || req.UsageLocation != "" {
		need = append(need, authz.LicensesManage)
	}
	if req.AutoPurchase {
		need = append(need, authz.BillingManage)
	}
	for _, perm := range need {
		if err := authz.Check(p, perm, tenantID); err != nil {
			return Denied(err)
		}
	}
	return nil
}

// newAccountUser builds the new user from the request: the Graph
// properties with the wizard's defaults (sign-in allowed, mail nickname
// from the user name) and the usage location.
func newAccountUser(now time.Time, req NewAccount) (User, error) {
	c := maps.Clone(req.User)
	if c == nil {
		c = Changes{}
	}
	if _, ok := c["accountEnabled"]; !ok {
		c["accountEnabled"] = true
	}
	if upn, ok := c["userPrincipalName"].(string); ok && c["mailNickname"] == nil {
		alias, _, _ := strings.Cut(strings.TrimSpace(upn), "@")
		c["mailNickname"] = MailNicknameFrom(alias)
	}
	u := User{ID: newObjectID(), UserType: "Member", CreatedAt: now}
	if _, err := applyUserChanges(&u, c, true); err != nil {
		return u, inField(err, userField)
	}
	if req.UsageLocation != "" {
		if msg := checkUsageLocation(req.UsageLocation); msg != "" {
			return u, Invalid("usageLocation", "Property 'usageLocation' is invalid: %s", msg)
		}
		u.UsageLocation = req.UsageLocation
	}
	return u, nil
}

// provisionRoles looks up the requested roles, dropping repeats. The
// Service admin role comes last, after the workload admin role it needs.
func provisionRoles(ids []string) ([]authz.Role, error) {
	var out, last []authz.Role
	for _, id := range ids {
		r, ok := authz.RoleByTemplate(strings.ToLower(strings.TrimSpace(id)))
		if !ok {
			return nil, Invalid("roles", "'%s' is not a role definition of this organization; see /v1.0/roleManagement/directory/roleDefinitions.", id)
		}
		switch {
		case slices.ContainsFunc(append(out, last...), func(o authz.Role) bool { return o.Key == r.Key }):
		case r.Key == authz.ServiceAdmin.Key:
			last = append(last, r)
		default:
			out = append(out, r)
		}
	}
	return append(out, last...), nil
}

// firstPassword checks or generates the new user's first password and
// hashes it into u, before the transaction (argon2id is slow on purpose).
// It returns the password in clear for the email and the one response;
// a link gives no password at all, so the user can't sign in until they
// choose one.
func (s *Service) firstPassword(ctx context.Context, tenantID string, u *User, pw *PasswordChoice) (string, error) {
	switch pw.Mode {
	case PasswordByLink:
		pw.ForceChange = false // the user chooses the password themself
		return "", nil
	case PasswordTyped:
		if pw.Value == "" {
			return "", Invalid("password.value", "Type the password, or let Atrium generate one.")
		}
		if pw.Value != pw.Confirm {
			return "", Invalid("password.confirm", "The passwords don't match.")
		}
	case PasswordGenerated:
	default:
		return "", Invalid("password.mode", "The password mode must be link, generate or typed, not '%s'.", pw.Mode)
	}
	terms, err := s.passwordTerms(ctx, tenantID, u.GivenName, u.Surname)
	if err != nil {
		return "", err
	}
	clear := pw.Value
	if pw.Mode == PasswordGenerated {
		var policy PasswordPolicy
		err := s.store.View(ctx, tenantID, func(tx Tx) error {
			t, err := tx.Tenant()
			policy = t.Settings.PasswordPolicy.WithDefaults()
			return err
		})
		if err != nil {
			return "", err
		}
		var forced bool
		clear, forced = generatePassword(policy.GeneratedFormat, terms)
		pw.ForceChange = pw.ForceChange || forced
	}
	np, err := s.hashPassword(&PasswordProfile{Password: clear, ForceChangePasswordNextSignIn: pw.ForceChange}, terms)
	if err != nil {
		return "", inField(err, passwordField)
	}
	np.apply(u)
	return clear, nil
}

// createAccount stores out.User in tx with its licenses and roles, each
// with its audit record, and fills in what they became.
func (s *Service) createAccount(ctx context.Context, tx Tx, p authz.Principal, tenantID string, out *ProvisionedAccount, ch LicenseChange, roles []authz.Role) error {
	u := &out.User
	if err := requireVerifiedDomains(tx, u); err != nil {
		return inField(err, userField)
	}
	if err := tx.CreateUser(u); err != nil {
		return inField(err, userField)
	}
	if err := s.audit(ctx, tx, p, "UserManagement", "Add user", "Add", userTarget(u, createdProps(u))); err != nil {
		return err
	}
	if len(ch.Add) > 0 {
		var err error
		if out.Licenses, out.Purchased, err = s.changeLicenses(ctx, tx, p, tenantID, u, ch); err != nil {
			return inField(err, licenseField)
		}
	}
	for _, r := range roles {
		if _, err := s.addRole(ctx, tx, p, u, r); err != nil {
			return inField(err, rolesField)
		}
		out.Roles = append(out.Roles, r.TemplateID)
	}
	return nil
}

// queueAccountMail puts the account email, in the tenant's language, in
// the outbox for each recipient and audits who got it (never what).
func (s *Service) queueAccountMail(ctx context.Context, tx Tx, p authz.Principal, out *ProvisionedAccount, m accountMail, recipients []string) error {
	if len(recipients) == 0 {
		return nil
	}
	t, err := tx.Tenant()
	if err != nil {
		return err
	}
	m.Org = t.Org.DisplayName
	subject, body := m.render(mailLanguage(t.Org))
	now := s.Now()
	for _, r := range recipients {
		msg := OutboxMessage{ID: newID(), CreatedAt: now, Channel: "email", Recipient: r, Subject: subject, Body: body, NextAt: now}
		if err := tx.EnqueueMessage(&msg); err != nil {
			return err
		}
	}
	out.EmailsQueued = len(recipients)
	content := "password"
	if m.LinkURL != "" {
		content = "set-password link"
	}
	return s.audit(ctx, tx, p, "UserManagement", "Email account details", "Add", userTarget(&out.User, []ModifiedProperty{
		{Name: "Recipients", New: strings.Join(recipients, ", ")}, {Name: "Content", New: content}}))
}
