package directory

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/google/uuid"
)

// TXTResolver looks up DNS TXT records; domain verification uses it.
type TXTResolver interface {
	LookupTXT(ctx context.Context, name string) ([]string, error)
}

// Config holds what a Service needs from outside.
type Config struct {
	Store          Store
	Resolver       TXTResolver
	Hasher         password.Hasher
	PlatformDomain string                     // initial domains are <prefix>.<PlatformDomain>
	NewSigningKey  func() (SigningKey, error) // makes each new tenant's token signing key
	Catalog        *Catalog                   // the products tenants buy; the demo catalog when nil
	Payments       PaymentProvider            // takes payment for invoices; InvoicePayment when nil
	Now            func() time.Time           // the clock; time.Now when nil
	// DisableDAP turns delegated admin privileges (DAP) off for new
	// partner relationships; existing grants keep working.
	DisableDAP bool
	// AzureAccessRequires is partner.azureAccessRequires (partners.md §7):
	// authz.AzureAccessReseller (the default when empty) or
	// authz.AzureAccessDelegated.
	AzureAccessRequires string
	// AutopilotPolicy is partner.autopilotRules (partners.md §8.2):
	// authz.AutopilotCurrent (the default when empty) or
	// authz.AutopilotAnnounced.
	AutopilotPolicy string
}

// Service carries out every directory operation: it checks authorization,
// validates, and runs the change and its audit record in one transaction.
type Service struct {
	store      Store
	resolver   TXTResolver
	hasher     password.Hasher
	platform   string
	newKey     func() (SigningKey, error)
	catalog    *Catalog
	payments   PaymentProvider
	now        func() time.Time
	disableDAP bool
	// azureAccess and autopilotPolicy are Config's AzureAccessRequires and
	// AutopilotPolicy, defaults filled.
	azureAccess     string
	autopilotPolicy string

	dummyOnce sync.Once
	dummy     string
}

// RetentionDeleted is how long deleted users stay restorable.
const RetentionDeleted = 30 * 24 * time.Hour

// NewService returns a Service over cfg.
func NewService(cfg Config) *Service {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	catalog := cfg.Catalog
	if catalog == nil {
		catalog = DemoCatalog()
	}
	payments := cfg.Payments
	if payments == nil {
		payments = InvoicePayment{}
	}
	azureAccess, autopilotPolicy := cfg.AzureAccessRequires, cfg.AutopilotPolicy
	if azureAccess == "" {
		azureAccess = authz.AzureAccessReseller
	}
	if autopilotPolicy == "" {
		autopilotPolicy = authz.AutopilotCurrent
	}
	return &Service{azureAccess: azureAccess, autopilotPolicy: autopilotPolicy, payments: payments, store: cfg.Store, resolver: cfg.Resolver, hasher: cfg.Hasher, platform: cfg.PlatformDomain,
		newKey: cfg.NewSigningKey, catalog: catalog, now: now, disableDAP: cfg.DisableDAP}
}

// Now returns the service clock's current time in UTC, truncated to
// microseconds (what the stores keep).
func (s *Service) Now() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// PlatformDomain returns the parent domain of initial domains.
func (s *Service) PlatformDomain() string { return s.platform }

// authorize returns the caller if it holds perm in tenantID.
func (s *Service) authorize(ctx context.Context, perm authz.Permission, tenantID string) (authz.Principal, error) {
	p, err := caller(ctx)
	if err != nil {
		return p, err
	}
	if err := authz.Check(p, perm, tenantID); err != nil {
		return p, Denied(err)
	}
	return p, nil
}

// caller returns the authenticated principal of ctx.
func caller(ctx context.Context) (authz.Principal, error) {
	p, ok := authz.FromContext(ctx)
	if !ok {
		return p, &Error{Kind: KindUnauthenticated, Message: "Access token is empty."}
	}
	return p, nil
}

// checkTarget applies the target rules for an action of p on user u.
func checkTarget(tx Tx, p authz.Principal, perm authz.Permission, tenantID string, act authz.Action, u *User) error {
	admin, err := isAdmin(tx, u.ID)
	if err != nil {
		return err
	}
	if err := authz.CheckTarget(p, perm, tenantID, act, authz.Target{IsAdmin: admin, IsSelf: u.ID == p.UserID}); err != nil {
		return Denied(err)
	}
	return nil
}

func newID() string { return uuid.NewString() }

// newObjectID returns a time-ordered id (UUID version 7) for users and
// audit events: ids that aren't secrets and that a bulk import writes by
// the thousand. Every index ending in the id then grows at its end instead
// of at random places, which makes an import about twice as fast.
func newObjectID() string { return uuid.Must(uuid.NewV7()).String() }

// NewID returns a new random object id.
func NewID() string { return newID() }

type correlationKey struct{}

// WithCorrelationID returns a context whose audit records carry id.
func WithCorrelationID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, correlationKey{}, id)
}

// audit appends an audit event for p's action in tx.
func (s *Service) audit(ctx context.Context, tx Tx, p authz.Principal, category, activity, op string, targets ...AuditTarget) error {
	if err := tx.AppendAudit(s.auditEvent(ctx, p, category, activity, op, targets...)); err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	return nil
}

// auditEvent is the audit event of p's action, for audit or for appending
// many at once.
func (s *Service) auditEvent(ctx context.Context, p authz.Principal, category, activity, op string, targets ...AuditTarget) *AuditEvent {
	cid, _ := ctx.Value(correlationKey{}).(string)
	if cid == "" {
		cid = newID()
	}
	e := &AuditEvent{
		ID: newObjectID(), At: s.Now(), Category: category, Activity: activity, OperationType: op, Result: "success",
		CorrelationID: cid, Targets: targets,
		Initiator: Initiator{UserID: p.UserID, UPN: p.UPN, DisplayName: p.DisplayName, IPAddress: p.IPAddress, Partner: p.Partner},
	}
	switch {
	case p.Operator:
		e.Initiator.App = "Atrium operator CLI"
	case p.UserID == "":
		e.Initiator.App = p.DisplayName // a background job
	}
	return e
}

func userTarget(u *User, mods []ModifiedProperty) AuditTarget {
	return AuditTarget{ID: u.ID, DisplayName: u.DisplayName, Type: "User", UserPrincipalName: u.UserPrincipalName, ModifiedProperties: mods}
}
