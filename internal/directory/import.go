package directory

import "time"

// Import statuses (issue 6).
const (
	ImportValidating = "validating"
	ImportAwaiting   = "awaitingConfirmation"
	ImportRunning    = "running"
	ImportCompleted  = "completed"
	ImportFailed     = "failed"
)

// Import row statuses.
const (
	RowPending = "pending" // valid, not created yet
	RowInvalid = "invalid" // a problem found by validation
	RowCreated = "created"
	RowFailed  = "failed"  // creating it failed
	RowSkipped = "skipped" // invalid and skipped at the admin's choice
)

// Import limits.
const (
	ImportMaxBytes = 100 << 20 // the largest file accepted
	ImportMaxRows  = 200_000
	// ImportRetention is how long an import, its results and the
	// passwords in them are kept.
	ImportRetention = 7 * 24 * time.Hour
)

// Import is a bulk creation of users from a CSV file: validated first,
// then, once the admin has chosen the options, created row by row by a
// background job that survives restarts.
type Import struct {
	ID         string
	CreatedBy  string // user id of the admin who uploaded it
	CreatedAt  time.Time
	FileName   string
	Format     string // admincenter or entra
	Status     string
	Options    ImportOptions
	Total      int // data rows
	Invalid    int // rows with a problem
	Done       int // rows created or failed
	Created    int
	Failed     int
	StartedAt  time.Time
	FinishedAt time.Time
	Error      string
	LeaseOwner string
	LeaseUntil time.Time
}

// ImportOptions are what the admin chooses for every row of an import.
type ImportOptions struct {
	AccountEnabled  bool     `json:"accountEnabled"`
	UsageLocation   string   `json:"usageLocation"`
	SkuIDs          []string `json:"skuIds"`
	Credentials     string   `json:"credentials"` // link (default) or password
	SkipInvalidRows bool     `json:"skipInvalidRows"`
	AutoStart       bool     `json:"autoStart"`
}

// ImportRow is one data row of an import.
type ImportRow struct {
	Line     int      // line of the file where the row starts (the header is line 1)
	UPNFold  string   // the user name in lower case, for duplicate checks
	Cells    []string // the row's cells in template order
	Status   string
	Problems []ImportProblem
	UserID   string
	Secret   string // the temporary password or set-password token of a created user
}

// ImportProblem is one finding about a row, naming the file's column.
type ImportProblem struct {
	Line    int    `json:"row,omitempty"` // the line of the file, in lists of problems
	Column  string `json:"column"`
	Message string `json:"message"`
}

// Valid reports whether the rows of i that validation passed may be
// created now.
func (i *Import) Valid() int { return i.Total - i.Invalid }
