# The two commands of the README: `make run` and `make test`.
.PHONY: run test build ui fuzz bench

# The admin center is built with npm and embedded into the binary.
run: ui
	go run ./cmd/atrium serve --demo

test:
	./scripts/test.sh

build: ui
	go build -o bin/atrium ./cmd/atrium

ui:
	npm ci --prefix ui --no-audit --no-fund --loglevel=error
	npm run build --prefix ui

# Fuzz the OData parsers and the whole list path for a minute each (`make test` runs their seeds).
fuzz:
	go test -run=NONE -fuzz=FuzzParseFilter -fuzztime=60s ./internal/api/odata/
	go test -run=NONE -fuzz=FuzzParseSearch -fuzztime=60s ./internal/api/odata/
	go test -run=NONE -fuzz=FuzzListUsersQuery -fuzztime=60s ./internal/api/

# The performance figures of the README.
bench:
	go run ./bench -users 100000
