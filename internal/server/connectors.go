package server

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/atriumhq/atrium/internal/jobs"
)

// loadConnectors builds the provisioning connectors from
// ProvisioningWebhook and the signing secret in ProvisioningSecretFile.
func (c *Config) loadConnectors() error {
	if c.ProvisioningWebhook == "" {
		return nil
	}
	if c.ProvisioningSecretFile == "" {
		return errors.New("a provisioning webhook needs --provisioning-secret-file, the secret its calls are signed with")
	}
	b, err := os.ReadFile(c.ProvisioningSecretFile)
	if err != nil {
		return fmt.Errorf("provisioning secret: %w", err)
	}
	secret := []byte(strings.TrimSpace(string(b)))
	if len(secret) < 16 {
		return errors.New("provisioning secret: the file must hold at least 16 characters")
	}
	hook := func(raw string) (jobs.Connector, error) {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("provisioning webhook %q must be an http(s) URL", raw)
		}
		return jobs.Webhook{URL: raw, Secret: secret}, nil
	}
	if !strings.Contains(c.ProvisioningWebhook, "=") {
		conn, err := hook(c.ProvisioningWebhook)
		c.Provisioning.Default = conn
		return err
	}
	c.Provisioning.ByWorkload = map[string]jobs.Connector{}
	for _, pair := range strings.Split(c.ProvisioningWebhook, ",") {
		workload, raw, _ := strings.Cut(strings.TrimSpace(pair), "=")
		if workload == "" {
			return fmt.Errorf("provisioning webhook %q: name a workload before =", pair)
		}
		conn, err := hook(raw)
		if err != nil {
			return err
		}
		c.Provisioning.ByWorkload[workload] = conn
	}
	return nil
}
