package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const subscriptionCols = "id, sku_id, quantity, status, channel, partner_tenant_id, partner_name, created_at, auto_renew, ends_at, status_changed_at"

func scanSubscription(r scanner) (directory.Subscription, error) {
	var s directory.Subscription
	var created, ends, changed int64
	err := r.Scan(&s.ID, &s.SkuID, &s.Quantity, &s.Status, &s.Channel, &s.PartnerTenantID, &s.PartnerName, &created,
		&s.AutoRenew, &ends, &changed)
	s.CreatedAt, s.EndsAt, s.StatusChangedAt = fromMicros(created), fromMicros(ends), fromMicros(changed)
	return s, err
}

func (t *tx) ListSubscriptions() ([]directory.Subscription, error) {
	var out []directory.Subscription
	err := t.each("SELECT "+subscriptionCols+" FROM subscriptions WHERE tenant_id = $1 ORDER BY created_at, id", nil, func(r scanner) error {
		s, err := scanSubscription(r)
		out = append(out, s)
		return err
	})
	return out, err
}

func (t *tx) GetSubscription(id string) (directory.Subscription, error) {
	s, err := scanSubscription(t.queryRow("SELECT "+subscriptionCols+" FROM subscriptions WHERE tenant_id = $1 AND id = $2", id))
	return s, notFound(err, id)
}

func (t *tx) PutSubscription(s *directory.Subscription) error {
	_, err := t.exec(`INSERT INTO subscriptions (tenant_id, `+subscriptionCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (tenant_id, id) DO UPDATE SET quantity = excluded.quantity, status = excluded.status,
		auto_renew = excluded.auto_renew, ends_at = excluded.ends_at, status_changed_at = excluded.status_changed_at`,
		s.ID, s.SkuID, s.Quantity, s.Status, s.Channel, s.PartnerTenantID, s.PartnerName, micros(s.CreatedAt),
		s.AutoRenew, micros(s.EndsAt), micros(s.StatusChangedAt))
	return err
}

func (t *tx) DeleteSubscription(id string) error {
	return t.execOne(id, "DELETE FROM subscriptions WHERE tenant_id = $1 AND id = $2", id)
}

// dueSubscriptionsSQL matches the partial index subscriptions_due, so the
// job reads only the subscriptions that are due, never all of them.
const dueSubscriptionsSQL = `SELECT tenant_id, id FROM subscriptions
	WHERE status IN ('Enabled', 'Warning', 'Suspended') AND ends_at <= $1 ORDER BY ends_at LIMIT $2`

// DueSubscriptions lists subscriptions of any tenant whose term or period
// ended by now.
func (s *Store) DueSubscriptions(ctx context.Context, now time.Time, limit int) ([]directory.TenantObject, error) {
	return s.tenantObjects(ctx, dueSubscriptionsSQL, micros(now), limit)
}

const seatCols = "sku_id, enabled, warning, suspended, locked_out, consumed"

func scanSeats(r scanner) (directory.Seats, error) {
	var s directory.Seats
	err := r.Scan(&s.SkuID, &s.Enabled, &s.Warning, &s.Suspended, &s.LockedOut, &s.Consumed)
	return s, err
}

func (t *tx) GetSeats(skuID string) (directory.Seats, error) {
	s, err := scanSeats(t.queryRow("SELECT "+seatCols+" FROM sku_seats WHERE tenant_id = $1 AND sku_id = $2", skuID))
	if errors.Is(err, sql.ErrNoRows) {
		return directory.Seats{SkuID: skuID}, nil
	}
	return s, err
}

func (t *tx) ListSeats() ([]directory.Seats, error) {
	var out []directory.Seats
	err := t.each("SELECT "+seatCols+" FROM sku_seats WHERE tenant_id = $1 ORDER BY sku_id", nil, func(r scanner) error {
		s, err := scanSeats(r)
		out = append(out, s)
		return err
	})
	return out, err
}

func (t *tx) PutSeats(s *directory.Seats) error {
	_, err := t.exec(`INSERT INTO sku_seats (tenant_id, `+seatCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (tenant_id, sku_id) DO UPDATE SET enabled = excluded.enabled, warning = excluded.warning,
		suspended = excluded.suspended, locked_out = excluded.locked_out, consumed = excluded.consumed`,
		s.SkuID, s.Enabled, s.Warning, s.Suspended, s.LockedOut, s.Consumed)
	return err
}

func (t *tx) ListLicenses(userID string) ([]directory.License, error) {
	var out []directory.License
	err := t.each("SELECT sku_id, disabled_plans, assigned_at FROM user_licenses WHERE tenant_id = $1 AND user_id = $2 ORDER BY sku_id",
		[]any{userID}, func(r scanner) error {
			var l directory.License
			var plans string
			var at int64
			err := r.Scan(&l.SkuID, &plans, &at)
			if plans != "" {
				l.DisabledPlans = strings.Split(plans, ",")
			}
			l.AssignedAt = fromMicros(at)
			out = append(out, l)
			return err
		})
	return out, err
}

func (t *tx) PutLicense(userID string, l *directory.License) error {
	_, err := t.exec(`INSERT INTO user_licenses (tenant_id, user_id, sku_id, disabled_plans, assigned_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (tenant_id, user_id, sku_id) DO UPDATE SET disabled_plans = excluded.disabled_plans`,
		userID, l.SkuID, strings.Join(l.DisabledPlans, ","), micros(l.AssignedAt))
	return err
}

func (t *tx) CountNewerLicenses(skuID string, at time.Time, userID string) (int, error) {
	var n int
	err := t.queryRow(`SELECT COUNT(*) FROM user_licenses l
		JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id AND u.deleted_at IS NULL
		WHERE l.tenant_id = $1 AND l.sku_id = $2 AND (l.assigned_at > $3 OR (l.assigned_at = $3 AND l.user_id > $4))`,
		skuID, micros(at), userID).Scan(&n)
	return n, err
}

func (t *tx) DeleteLicense(userID, skuID string) error {
	return t.execOne(skuID, "DELETE FROM user_licenses WHERE tenant_id = $1 AND user_id = $2 AND sku_id = $3", userID, skuID)
}

const orderCols = "id, idempotency_key, sku_id, quantity, subscription_id, created_by, created_at"

func scanOrder(r scanner) (directory.PurchaseOrder, error) {
	var o directory.PurchaseOrder
	var at int64
	err := r.Scan(&o.ID, &o.IdempotencyKey, &o.SkuID, &o.Quantity, &o.SubscriptionID, &o.CreatedBy, &at)
	o.CreatedAt = fromMicros(at)
	return o, err
}

func (t *tx) CreateOrder(o *directory.PurchaseOrder) error {
	_, err := t.exec(`INSERT INTO billing_orders (tenant_id, `+orderCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		o.ID, o.IdempotencyKey, o.SkuID, o.Quantity, o.SubscriptionID, o.CreatedBy, micros(o.CreatedAt))
	if isUnique(err) {
		return directory.Conflict("Idempotency-Key")
	}
	return err
}

func (t *tx) GetOrderByKey(key string) (directory.PurchaseOrder, error) {
	o, err := scanOrder(t.queryRow("SELECT "+orderCols+" FROM billing_orders WHERE tenant_id = $1 AND idempotency_key = $2", key))
	return o, notFound(err, key)
}

func (t *tx) ListOrders() ([]directory.PurchaseOrder, error) {
	var out []directory.PurchaseOrder
	err := t.each("SELECT "+orderCols+" FROM billing_orders WHERE tenant_id = $1 ORDER BY created_at DESC, id", nil, func(r scanner) error {
		o, err := scanOrder(r)
		out = append(out, o)
		return err
	})
	return out, err
}

func (t *tx) CreateInvoice(inv *directory.Invoice) error {
	lines, err := json.Marshal(inv.Lines)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO invoices (tenant_id, id, order_id, status, currency, total_cents, lines, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, inv.ID, inv.OrderID, inv.Status, inv.Currency, inv.TotalCents, string(lines), micros(inv.CreatedAt))
	return err
}

const invoiceCols = "id, order_id, status, currency, total_cents, lines, created_at"

func scanInvoice(r scanner) (directory.Invoice, error) {
	var inv directory.Invoice
	var lines string
	var at int64
	if err := r.Scan(&inv.ID, &inv.OrderID, &inv.Status, &inv.Currency, &inv.TotalCents, &lines, &at); err != nil {
		return inv, err
	}
	inv.CreatedAt = fromMicros(at)
	return inv, json.Unmarshal([]byte(lines), &inv.Lines)
}

func (t *tx) GetInvoice(id string) (directory.Invoice, error) {
	inv, err := scanInvoice(t.queryRow("SELECT "+invoiceCols+" FROM invoices WHERE tenant_id = $1 AND id = $2", id))
	return inv, notFound(err, id)
}

func (t *tx) ListInvoices() ([]directory.Invoice, error) {
	var out []directory.Invoice
	err := t.each("SELECT "+invoiceCols+" FROM invoices WHERE tenant_id = $1 ORDER BY created_at DESC, id", nil, func(r scanner) error {
		inv, err := scanInvoice(r)
		out = append(out, inv)
		return err
	})
	return out, err
}

func (t *tx) LicensesByDepartment() ([]directory.DepartmentLicenses, error) {
	var out []directory.DepartmentLicenses
	err := t.each(`SELECT l.sku_id, u.department, COUNT(*) FROM user_licenses l
		JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id AND u.deleted_at IS NULL
		WHERE l.tenant_id = $1 GROUP BY l.sku_id, u.department ORDER BY l.sku_id, u.department`, nil, func(r scanner) error {
		var d directory.DepartmentLicenses
		err := r.Scan(&d.SkuID, &d.Department, &d.Assigned)
		out = append(out, d)
		return err
	})
	return out, err
}
