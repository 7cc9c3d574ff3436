package directory

import "time"

// Provisioning states of a user's service plan (licensing spec §11).
const (
	ProvisionPending  = "pending"  // the job has yet to tell the service
	ProvisionSuccess  = "success"  // the service has the user
	ProvisionError    = "error"    // the last attempt failed; retried later
	ProvisionDisabled = "disabled" // the service was told to remove the user
)

// provisionMaxAttempts is how often a failing task is tried before the job
// gives up; the next license change of the user queues it again.
const provisionMaxAttempts = 10

// PlanProvisioning is the state of one service plan for one user: whether
// the user should have it, and how far telling the plan's service is.
type PlanProvisioning struct {
	UserID    string
	PlanID    string
	Wanted    bool // provision (true) or deprovision (false)
	Status    string
	Attempts  int
	NextAt    time.Time // zero when no attempt is due
	LastError string
	UpdatedAt time.Time
}

// ProvisioningTask is a due provisioning row with what a connector needs
// to know about the user; TenantID names the tenant it belongs to.
type ProvisioningTask struct {
	TenantID string
	PlanProvisioning
	UserPrincipalName string
	DisplayName       string
	UsageLocation     string
	// Filled by the service from the catalog.
	PlanName string
	Workload string
}

// provisionBackoff is how long to wait before attempt n+1 after n failed
// attempts: 30 s doubling, at most an hour.
func provisionBackoff(n int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}
