namespace GamifyHub.Data.Auditing;

/// <summary>The audit log's action names: "area.verb", stable because admins filter by them.</summary>
public static class AuditActions
{
    public const string RulesPreviewed = "rules.previewed";
    public const string RulesApplied = "rules.applied";
    public const string SeasonsChanged = "seasons.changed";
    public const string SlaChanged = "sla.changed";
    public const string RoutingChanged = "routing.changed";
    public const string TaxonomyChanged = "taxonomy.changed";
    public const string BenchmarksChanged = "benchmarks.changed";
    public const string ReturnModelChanged = "return-model.changed";
    public const string ChallengeCreated = "challenge.created";
    public const string ChallengeScheduled = "challenge.scheduled";
    public const string ChallengeCancelled = "challenge.cancelled";
    public const string WebhookSourceCreated = "webhook-source.created";
    public const string WebhookSecretRotated = "webhook-source.secret-rotated";
    public const string WebhookSourceDeleted = "webhook-source.deleted";
    public const string WallboardTokenCreated = "wallboard-token.created";
    public const string WallboardTokenRevoked = "wallboard-token.revoked";
    public const string BackupCreated = "backup.created";
    public const string ImportFinished = "import.finished";

    // Identity and privacy (issue 7): people, roles, keys, settings, consent, exports, erasures, retention.
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string RolesChanged = "user.roles-changed";
    public const string DepartmentCreated = "department.created";
    public const string DepartmentChanged = "department.changed";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string PrivacyChanged = "privacy.changed";
    public const string ConsentGiven = "consent.given";
    public const string ConsentRevoked = "consent.revoked";
    public const string DataExported = "data.exported";
    public const string EmployeeErased = "employee.erased";
    public const string RetentionRun = "retention.run";

    // Sessions (issue 12): subjects are sign-in ids; no password or reset code is ever written.
    public const string PasswordChanged = "password.changed";
    public const string PasswordResetIssued = "password.reset-issued";
    public const string PasswordReset = "password.reset";
    public const string SsoLinked = "user.sso-linked";
}
