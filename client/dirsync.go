package client

// OnPremisesDirectorySynchronization are a tenant's directory sync
// settings (/v1.0/directory/onPremisesSynchronization/{tenant id}).
type OnPremisesDirectorySynchronization struct {
	ID            string                       `json:"id,omitempty"`
	Configuration *OnPremisesSyncConfiguration `json:"configuration,omitempty"`
	// Features are the sync feature switches, such as passwordSyncEnabled
	// and blockSoftMatchEnabled.
	Features map[string]bool `json:"features,omitempty"`
}

// OnPremisesSyncConfiguration is the sync schedule and the accidental
// deletion threshold.
type OnPremisesSyncConfiguration struct {
	AccidentalDeletionPrevention *AccidentalDeletionPrevention `json:"accidentalDeletionPrevention,omitempty"`
	// SynchronizationInterval is an ISO 8601 duration, such as PT30M.
	SynchronizationInterval string `json:"synchronizationInterval,omitempty"`
}

// AccidentalDeletionPrevention holds a sync run's deletions when they pass
// the threshold.
type AccidentalDeletionPrevention struct {
	// SynchronizationPreventionType is disabled, enabledForCount or
	// enabledForPercentage.
	SynchronizationPreventionType string `json:"synchronizationPreventionType,omitempty"`
	AlertThreshold                int    `json:"alertThreshold,omitempty"`
}
