// The browser tests start Chromium, a dev server or a webpack build in their hooks: allow two minutes
// (Jest takes no per-project testTimeout from the config, so it is set here for the e2e project).
import { jest } from "@jest/globals";

jest.setTimeout(120_000);
