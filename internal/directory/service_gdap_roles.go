package directory

// gdapRoles returns the role keys the active GDAP access assignments give
// the partner's user userID in the customer of ct, and the relationship
// they come from. GDAP relationships are built in the GDAP part of issue 8;
// until then no user holds GDAP roles.
func gdapRoles(ct, pt Tx, partnerID, userID string) ([]string, string, error) {
	return nil, "", nil
}

// gdapPartners lists the partner tenants with a GDAP relationship with the
// customer of tx (see gdapRoles).
func gdapPartners(tx Tx) ([]string, error) { return nil, nil }
