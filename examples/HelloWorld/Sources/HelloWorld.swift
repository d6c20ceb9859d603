public import Runbook
