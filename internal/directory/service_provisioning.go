package directory

import (
	"context"
	"slices"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// wantedPlans is the set of user plans a set of licenses enables: each
// plan of each SKU that isn't switched off, once however many SKUs hold it.
func (s *Service) wantedPlans(licenses []License) map[string]bool {
	out := map[string]bool{}
	for _, l := range licenses {
		prod, ok := s.catalog.Product(l.SkuID)
		if !ok {
			continue
		}
		for _, sp := range s.catalog.ProductPlans(prod) {
			if sp.AppliesTo == "User" && !slices.Contains(l.DisabledPlans, sp.ID) {
				out[sp.ID] = true
			}
		}
	}
	return out
}

// reconcileProvisioning queues, in the transaction of a license change,
// a provisioning task for every plan the user now has and lacked, and a
// deprovisioning task for every plan they lost. Tasks that failed for good
// are queued again: a license change is the admin's retry.
func (s *Service) reconcileProvisioning(tx Tx, userID string, licenses []License) error {
	want := s.wantedPlans(licenses)
	rows, err := tx.ListProvisioning(userID)
	if err != nil {
		return err
	}
	now := s.Now()
	queue := func(planID string, wanted bool) error {
		return tx.PutProvisioning(&PlanProvisioning{UserID: userID, PlanID: planID, Wanted: wanted,
			Status: ProvisionPending, NextAt: now, UpdatedAt: now})
	}
	have := map[string]bool{}
	for _, r := range rows {
		have[r.PlanID] = true
		gaveUp := r.Status == ProvisionError && r.NextAt.IsZero()
		switch {
		case want[r.PlanID] && (!r.Wanted || gaveUp):
			err = queue(r.PlanID, true)
		case !want[r.PlanID] && (r.Wanted || gaveUp):
			err = queue(r.PlanID, false)
		}
		if err != nil {
			return err
		}
	}
	for id := range want {
		if !have[id] {
			if err := queue(id, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// UserPlanStates returns the provisioning state of each plan a user
// (id or user principal name) has or had, by plan id; readable with
// licenses.read, and by the user themself.
func (s *Service) UserPlanStates(ctx context.Context, tenantID, idOrUPN string) (map[string]PlanProvisioning, error) {
	p, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]PlanProvisioning{}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err := s.mayReadLicenses(p, tenantID, u, err); err != nil {
			return err
		}
		rows, err := tx.ListProvisioning(u.ID)
		for _, r := range rows {
			out[r.PlanID] = r
		}
		return err
	})
	return out, err
}

// mayReadLicenses lets a user read their own licenses and anyone with
// licenses.read read those of the tenant's users. A caller who may not
// learns nothing about whether the user exists.
func (s *Service) mayReadLicenses(p authz.Principal, tenantID string, u User, findErr error) error {
	if findErr == nil && p.UserID != "" && p.UserID == u.ID && p.TenantID == tenantID {
		return nil
	}
	if err := authz.Check(p, authz.LicensesRead, tenantID); err != nil {
		return Denied(err)
	}
	return findErr
}

// DueProvisioning lists up to limit provisioning tasks of any tenant whose
// attempt is due, with the catalog's name and workload of each plan. It is
// for the provisioning job, which has no principal.
func (s *Service) DueProvisioning(ctx context.Context, limit int) ([]ProvisioningTask, error) {
	tasks, err := s.store.DueProvisioning(ctx, s.Now(), limit)
	for i := range tasks {
		if sp, ok := s.catalog.PlanByID(tasks[i].PlanID); ok {
			tasks[i].PlanName, tasks[i].Workload = sp.Name, sp.Workload
		}
	}
	return tasks, err
}

// ClaimProvisioning leases a due task to this replica for lease; false if
// another replica claimed it first or it changed meanwhile.
func (s *Service) ClaimProvisioning(ctx context.Context, t *ProvisioningTask, lease time.Duration) (bool, error) {
	until := s.Now().Add(lease)
	ok, err := s.store.ClaimProvisioning(ctx, *t, until)
	if ok {
		t.NextAt = until
	}
	return ok, err
}

// FinishProvisioning records the outcome of a claimed task: done, or
// failed and due again after a backoff until it has failed
// provisionMaxAttempts times. A task the user's licenses changed while it
// ran is left to its new attempt.
func (s *Service) FinishProvisioning(ctx context.Context, t ProvisioningTask, failure error) error {
	lease := t.NextAt
	now := s.Now()
	t.UpdatedAt = now
	if failure == nil {
		t.Status, t.Attempts, t.NextAt, t.LastError = ProvisionSuccess, 0, time.Time{}, ""
		if !t.Wanted {
			t.Status = ProvisionDisabled
		}
	} else {
		t.Attempts++
		t.Status, t.LastError, t.NextAt = ProvisionError, truncate(failure.Error(), 300), now.Add(provisionBackoff(t.Attempts))
		if t.Attempts >= provisionMaxAttempts {
			t.NextAt = time.Time{}
		}
	}
	_, err := s.store.FinishProvisioning(ctx, t, lease)
	return err
}
