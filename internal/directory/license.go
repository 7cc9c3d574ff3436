package directory

import "time"

// Subscription statuses (licensing spec §4.2); each fills one bucket of
// subscribedSku.prepaidUnits.
const (
	SubEnabled   = "Enabled"
	SubWarning   = "Warning"
	SubSuspended = "Suspended"
	SubLockedOut = "LockedOut"
	// SubDeleted is where a subscription ends after Suspended: it is
	// removed, so it is never stored and counts in no bucket; the audit
	// log keeps the step.
	SubDeleted = "Deleted"
)

// Lifecycle periods of a subscription that is not renewed (spec §4.2).
const (
	WarningPeriod   = 30 * 24 * time.Hour
	SuspendedPeriod = 90 * 24 * time.Hour
)

// termEnd is the end of a one-month term starting at from.
func termEnd(from time.Time) time.Time { return from.AddDate(0, 1, 0) }

// Subscription is one purchase of a product by the tenant: its seats,
// status and who sold it (directly, or a partner tenant).
type Subscription struct {
	ID              string
	SkuID           string
	Quantity        int
	Status          string
	Channel         string // direct or partner
	PartnerTenantID string
	PartnerName     string
	CreatedAt       time.Time
	// AutoRenew renews the subscription for another month when its
	// term ends; without it the subscription moves to Warning then.
	AutoRenew bool
	// EndsAt is when the term ends (Enabled), or the Warning or
	// Suspended period: when the lifecycle job moves it next.
	EndsAt          time.Time
	StatusChangedAt time.Time
}

// Seats is the tenant's seat counter of one SKU: the prepaid seats per
// subscription status and the seats users hold. Assignments update it in
// their own transaction, so it is the row concurrent assignments of a SKU
// conflict on.
type Seats struct {
	SkuID     string
	Enabled   int
	Warning   int
	Suspended int
	LockedOut int
	Consumed  int
}

// Free is the number of seats a new assignment may take.
func (s Seats) Free() int { return s.Enabled - s.Consumed }

// License is one SKU assigned to a user, with the plans switched off.
type License struct {
	SkuID         string
	DisabledPlans []string // service plan ids
	AssignedAt    time.Time
	// CountViolation is set by WithLicenses when the SKU has fewer
	// enabled seats than holders and this is one of the most recently
	// assigned excess licenses: kept, but its plans aren't served.
	CountViolation bool
}

// DepartmentLicenses counts the licenses of one SKU held in a department
// ("" for users without one).
type DepartmentLicenses struct {
	SkuID      string
	Department string
	Assigned   int
}

// PurchaseOrder is one purchase: a new subscription or more seats on one.
type PurchaseOrder struct {
	ID             string
	IdempotencyKey string
	SkuID          string
	Quantity       int
	SubscriptionID string
	CreatedBy      string
	CreatedAt      time.Time
}

// Invoice bills an order; the payment provider sets its status.
type Invoice struct {
	ID         string
	OrderID    string
	Status     string // due or paid
	Currency   string
	TotalCents int64
	Lines      []InvoiceLine
	CreatedAt  time.Time
}

// InvoiceLine is one product line of an invoice.
type InvoiceLine struct {
	SkuID       string `json:"skuId"`
	Description string `json:"description"`
	Quantity    int    `json:"quantity"`
	UnitCents   int64  `json:"unitCents"`
	AmountCents int64  `json:"amountCents"`
}

// PaymentProvider takes payment for an invoice and returns its status.
type PaymentProvider interface {
	Charge(inv *Invoice) (status string, err error)
}

// InvoicePayment is the default provider: the customer pays the invoice
// later, so it is due.
type InvoicePayment struct{}

// Charge marks the invoice due.
func (InvoicePayment) Charge(*Invoice) (string, error) { return "due", nil }
