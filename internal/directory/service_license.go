package directory

import (
	"context"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// LicenseChange is an assignLicense request: licenses to add (or whose
// disabled plans to replace) and SKU ids to remove, evaluated together.
// AutoPurchase buys a seat for an addition when none is free.
type LicenseChange struct {
	Add          []License
	Remove       []string
	AutoPurchase bool
}

// SubscribedSku is the tenant's view of one product it owns.
type SubscribedSku struct {
	Product         *Product
	Plans           []*ServicePlan
	Seats           Seats
	SubscriptionIDs []string
}

// SubscribedSkus lists the products the tenant owns with their seat
// counters; readable with licenses.read or billing.manage. It reads the
// counters, never the users.
func (s *Service) SubscribedSkus(ctx context.Context, tenantID string) ([]SubscribedSku, error) {
	p, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	if authz.Check(p, authz.BillingManage, tenantID) != nil {
		if _, err := s.authorize(ctx, authz.LicensesRead, tenantID); err != nil {
			return nil, err
		}
	}
	var out []SubscribedSku
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		seats, err := tx.ListSeats()
		if err != nil {
			return err
		}
		subs, err := tx.ListSubscriptions()
		if err != nil {
			return err
		}
		for _, st := range seats {
			prod, ok := s.catalog.Product(st.SkuID)
			if !ok {
				continue // dropped from the catalog by the operator
			}
			sku := SubscribedSku{Product: prod, Plans: s.catalog.ProductPlans(prod), Seats: st}
			for _, sub := range subs {
				if sub.SkuID == st.SkuID {
					sku.SubscriptionIDs = append(sku.SubscriptionIDs, sub.ID)
				}
			}
			out = append(out, sku)
		}
		return nil
	})
	return out, err
}

// UserLicenses returns the licenses of a user (id or user principal
// name); readable with licenses.read, and by the user themself.
func (s *Service) UserLicenses(ctx context.Context, tenantID, idOrUPN string) ([]License, error) {
	p, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var out []License
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err := s.mayReadLicenses(p, tenantID, u, err); err != nil {
			return err
		}
		out, err = tx.ListLicenses(u.ID)
		return err
	})
	return out, err
}

// WithLicenses fills the licenses of users, for reads that select
// assignedLicenses; per-user license data needs licenses.read.
func (s *Service) WithLicenses(ctx context.Context, tenantID string, users []User) error {
	if _, err := s.authorize(ctx, authz.LicensesRead, tenantID); err != nil {
		return err
	}
	return s.store.View(ctx, tenantID, func(tx Tx) error {
		seats, err := tx.ListSeats()
		if err != nil {
			return err
		}
		excess := map[string]int{}
		for _, st := range seats {
			// Users of an expired (Warning) subscription keep full
			// access for its 30 days (licensing spec §4.2).
			if served := st.Enabled + st.Warning; st.Consumed > served {
				excess[st.SkuID] = st.Consumed - served
			}
		}
		for i := range users {
			ls, err := tx.ListLicenses(users[i].ID)
			if err != nil {
				return err
			}
			for j := range ls {
				if n := excess[ls[j].SkuID]; n > 0 {
					newer, err := tx.CountNewerLicenses(ls[j].SkuID, ls[j].AssignedAt, users[i].ID)
					if err != nil {
						return err
					}
					ls[j].CountViolation = newer < n
				}
			}
			users[i].Licenses = ls
		}
		return nil
	})
}

// AssignLicense adds and removes a user's licenses all at once: every
// check runs on the resulting state, and seats are taken from the SKU's
// counter in the same transaction, so no SKU is ever oversold.
func (s *Service) AssignLicense(ctx context.Context, tenantID, idOrUPN string, ch LicenseChange) (User, []License, error) {
	var u User
	var result []License
	p, err := s.authorize(ctx, authz.LicensesManage, tenantID)
	if err != nil {
		return u, nil, err
	}
	if ch.AutoPurchase {
		if err := authz.Check(p, authz.BillingManage, tenantID); err != nil {
			return u, nil, Denied(err)
		}
	}
	if err := s.checkLicenseChange(&ch); err != nil {
		return u, nil, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if u, err = findUser(tx, idOrUPN); err != nil {
			return err
		}
		result, _, err = s.changeLicenses(ctx, tx, p, tenantID, &u, ch)
		return err
	})
	return u, result, err
}

// changeLicenses is the transaction body of AssignLicense, also used when
// a user is provisioned: it checks the target and the plan rules on the
// resulting state, fills the usage location, moves seats (buying them when
// ch allows), stores the licenses and writes the audit record. It returns
// the user's licenses afterwards and the seats it bought.
func (s *Service) changeLicenses(ctx context.Context, tx Tx, p authz.Principal, tenantID string, u *User, ch LicenseChange) ([]License, []Purchase, error) {
	if err := checkTarget(tx, p, authz.LicensesManage, tenantID, authz.ActSensitive, u); err != nil {
		return nil, nil, err
	}
	held, err := tx.ListLicenses(u.ID)
	if err != nil {
		return nil, nil, err
	}
	filled, err := fillUsageLocation(tx, u, ch)
	if err != nil {
		return nil, nil, err
	}
	result, err := s.resultingLicenses(u, held, ch)
	if err != nil {
		return nil, nil, err
	}
	if len(ch.Add)+len(ch.Remove) == 0 {
		return result, nil, nil // nothing to change or audit
	}
	mods := []ModifiedProperty{{Name: "assignedLicenses", Old: skuList(held), New: skuList(result)}}
	if filled {
		if err := tx.UpdateUser(u); err != nil {
			return nil, nil, err
		}
		mods = append(mods, ModifiedProperty{Name: "usageLocation", Old: "", New: u.UsageLocation})
	}
	bought, err := s.moveSeats(ctx, tx, p, held, ch)
	if err != nil {
		return nil, nil, err
	}
	for _, sku := range ch.Remove {
		if err := tx.DeleteLicense(u.ID, sku); err != nil {
			return nil, nil, err
		}
	}
	for i := range ch.Add {
		ch.Add[i].AssignedAt = s.Now()
		if err := tx.PutLicense(u.ID, &ch.Add[i]); err != nil {
			return nil, nil, err
		}
	}
	if err := s.reconcileProvisioning(tx, u.ID, result); err != nil {
		return nil, nil, err
	}
	return result, bought, s.audit(ctx, tx, p, "UserManagement", "Change user license", "Update", userTarget(u, mods))
}

// fillUsageLocation gives a user without a usage location the
// organization's default one when licenses are added (issue 5: "a tenant
// default usage location can fill it when set"; the spec leaves it to the
// admin center's form, the issue wins). It reports whether it filled it.
func fillUsageLocation(tx Tx, u *User, ch LicenseChange) (bool, error) {
	if len(ch.Add) == 0 || u.UsageLocation != "" {
		return false, nil
	}
	t, err := tx.Tenant()
	if err != nil || t.Org.DefaultUsageLocation == "" {
		return false, err
	}
	u.UsageLocation = t.Org.DefaultUsageLocation
	return true, nil
}

// checkLicenseChange validates the request against the catalog.
func (s *Service) checkLicenseChange(ch *LicenseChange) error {
	for i, sku := range ch.Remove {
		ch.Remove[i] = strings.ToLower(sku)
	}
	for i := range ch.Add {
		l := &ch.Add[i]
		l.SkuID = strings.ToLower(l.SkuID)
		if slices.ContainsFunc(ch.Add[:i], func(o License) bool { return o.SkuID == l.SkuID }) {
			return Invalid("addLicenses", "License %s is listed twice.", l.SkuID)
		}
		if slices.Contains(ch.Remove, l.SkuID) {
			return Invalid("removeLicenses", "License %s is both added and removed.", l.SkuID)
		}
		prod, ok := s.catalog.Product(l.SkuID)
		if !ok {
			return Invalid("addLicenses", "License %s does not correspond to a valid company License.", l.SkuID)
		}
		if prod.AppliesTo != "User" {
			return Invalid("addLicenses", "SKU %s can't be assigned to users.", l.SkuID)
		}
		for j, id := range l.DisabledPlans {
			sp, ok := s.catalog.PlanByID(id)
			if !ok || !slices.Contains(prod.PlanNames, sp.Name) {
				return Invalid("disabledPlans", "Service plan %s is not part of SKU %s.", id, l.SkuID)
			}
			l.DisabledPlans[j] = sp.ID
		}
		slices.Sort(l.DisabledPlans)
		l.DisabledPlans = slices.Compact(l.DisabledPlans)
	}
	return nil
}

// resultingLicenses applies ch to held and checks the user and the plan
// rules on the result.
func (s *Service) resultingLicenses(u *User, held []License, ch LicenseChange) ([]License, error) {
	out := slices.Clone(held)
	for _, sku := range ch.Remove {
		i := slices.IndexFunc(out, func(l License) bool { return l.SkuID == sku })
		if i < 0 {
			return nil, Invalid("removeLicenses", "User does not have a corresponding license.")
		}
		out = slices.Delete(out, i, i+1)
	}
	if len(ch.Add) > 0 {
		if !u.AccountEnabled {
			return nil, Invalid("addLicenses", "User %s is blocked from signing in; unblock the account before assigning licenses.", u.UserPrincipalName)
		}
		if u.UsageLocation == "" {
			return nil, Invalid("usageLocation", "License assignment cannot be done for user with invalid usage location.")
		}
	}
	for _, l := range ch.Add {
		if i := slices.IndexFunc(out, func(h License) bool { return h.SkuID == l.SkuID }); i >= 0 {
			l.AssignedAt = out[i].AssignedAt
			out[i] = l
		} else {
			out = append(out, l)
		}
	}
	return out, s.checkPlans(u.UsageLocation, out)
}

// checkPlans applies the service plan rules to the plans a set of
// licenses enables.
func (s *Service) checkPlans(location string, licenses []License) error {
	enabled := map[string]bool{}
	var order []*ServicePlan
	for _, l := range licenses {
		prod, ok := s.catalog.Product(l.SkuID)
		if !ok {
			continue
		}
		for _, sp := range s.catalog.ProductPlans(prod) {
			if sp.AppliesTo == "User" && !slices.Contains(l.DisabledPlans, sp.ID) && !enabled[sp.Name] {
				enabled[sp.Name] = true
				order = append(order, sp)
			}
		}
	}
	for _, sp := range order {
		for _, x := range sp.Excludes {
			if enabled[x] {
				return Invalid("addLicenses", "MutuallyExclusiveViolation: %s conflicts with %s. Turn one of them off.", sp.Name, x)
			}
		}
		if len(sp.RequiresAny) > 0 && !slices.ContainsFunc(sp.RequiresAny, func(n string) bool { return enabled[n] }) {
			return Invalid("disabledPlans", "DependencyViolation: %s requires %s.", sp.Name, strings.Join(sp.RequiresAny, " or "))
		}
		if slices.Contains(sp.UnavailableIn, location) {
			return Invalid("addLicenses", "ProhibitedInUsageLocationViolation: %s isn't available in %s.", sp.Name, location)
		}
	}
	return nil
}

// checkUsageLocation re-checks a licensed user's plans after a change of
// usage location; a licensed user can't lose the location (spec §6).
func (s *Service) checkUsageLocation(tx Tx, u *User) error {
	held, err := tx.ListLicenses(u.ID)
	if err != nil || len(held) == 0 {
		return err
	}
	if u.UsageLocation == "" {
		return Invalid("usageLocation", "The user has licenses, which need a usage location; remove the licenses before clearing it.")
	}
	if err := s.checkPlans(u.UsageLocation, held); err != nil {
		de, _ := AsError(err)
		return Invalid("usageLocation", "%s", de.Message)
	}
	return nil
}

// Purchase is a number of seats of a SKU bought while assigning licenses.
type Purchase struct {
	SkuID    string
	Quantity int
}

// moveSeats frees the seats of removed licenses and takes one for each
// new one, buying it when allowed and none is free; it returns what it
// bought.
func (s *Service) moveSeats(ctx context.Context, tx Tx, p authz.Principal, held []License, ch LicenseChange) ([]Purchase, error) {
	var bought []Purchase
	for _, sku := range ch.Remove {
		if err := addConsumed(tx, sku, -1); err != nil {
			return nil, err
		}
	}
	for _, l := range ch.Add {
		if slices.ContainsFunc(held, func(h License) bool { return h.SkuID == l.SkuID }) {
			continue // a change of disabled plans takes no seat
		}
		seats, err := tx.GetSeats(l.SkuID)
		if err != nil {
			return nil, err
		}
		if seats.Enabled+seats.Warning+seats.Suspended+seats.LockedOut == 0 && !ch.AutoPurchase {
			return nil, Invalid("addLicenses", "License %s does not correspond to a valid company License.", l.SkuID)
		}
		if seats.Free() < 1 {
			if !ch.AutoPurchase {
				return nil, Invalid("addLicenses", "Subscription with SKU %s does not have any available licenses.", l.SkuID)
			}
			prod, _ := s.catalog.Product(l.SkuID)
			if err := onlyThroughPartner(tx, prod); err != nil {
				return nil, err
			}
			var o PurchaseOrder
			if _, err := s.buySeats(ctx, tx, p, prod, 1-seats.Free(), "", &o); err != nil {
				return nil, err
			}
			bought = append(bought, Purchase{SkuID: l.SkuID, Quantity: o.Quantity})
		}
		if err := addConsumed(tx, l.SkuID, 1); err != nil {
			return nil, err
		}
	}
	return bought, nil
}

// onlyThroughPartner refuses to buy a product every subscription of which
// a partner sold: more seats come from that partner (spec §7).
func onlyThroughPartner(tx Tx, prod *Product) error {
	subs, err := tx.ListSubscriptions()
	if err != nil {
		return err
	}
	partner, direct := "", false
	for _, sub := range subs {
		if sub.SkuID == prod.SkuID && sub.Status != SubLockedOut {
			if sub.Channel == "partner" {
				partner = sub.PartnerName
			} else {
				direct = true
			}
		}
	}
	if partner != "" && !direct {
		return Invalid("autoPurchase", "%s was bought through %s. Contact them to buy more licenses.", prod.DisplayName, partner)
	}
	return nil
}

// addConsumed changes a SKU's consumed seats by delta.
func addConsumed(tx Tx, skuID string, delta int) error {
	seats, err := tx.GetSeats(skuID)
	if err != nil {
		return err
	}
	seats.Consumed += delta
	return tx.PutSeats(&seats)
}

// releaseSeats frees every seat a user holds, drops the licenses and
// deprovisions their plans; a deleted user doesn't count as consumed, and
// restoring doesn't bring the licenses back (licensing spec §10).
func (s *Service) releaseSeats(tx Tx, userID string) error {
	held, err := tx.ListLicenses(userID)
	if err != nil {
		return err
	}
	for _, l := range held {
		if err := addConsumed(tx, l.SkuID, -1); err != nil {
			return err
		}
		if err := tx.DeleteLicense(userID, l.SkuID); err != nil {
			return err
		}
	}
	return s.reconcileProvisioning(tx, userID, nil)
}

func skuList(ls []License) string {
	ids := make([]string, len(ls))
	for i, l := range ls {
		ids[i] = l.SkuID
	}
	return strings.Join(ids, ", ")
}
