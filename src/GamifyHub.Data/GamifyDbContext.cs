using GamifyHub.Data.Entities;
using GamifyHub.Data.Identity;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data;

/// <summary>The one SQLite database: Identity, the event log and its projections, and configuration data.</summary>
public sealed class GamifyDbContext(DbContextOptions<GamifyDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();
    public DbSet<FeedbackRouting> FeedbackRoutings => Set<FeedbackRouting>();
    public DbSet<EngagementEvent> Events => Set<EngagementEvent>();
    public DbSet<AwardEntry> Awards => Set<AwardEntry>();
    public DbSet<LedgerSnapshotEntry> LedgerSnapshots => Set<LedgerSnapshotEntry>();
    public DbSet<ProjectionSnapshotEntry> ProjectionSnapshots => Set<ProjectionSnapshotEntry>();
    public DbSet<GamingFlag> GamingFlags => Set<GamingFlag>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<RoutingRuleEntry> RoutingRules => Set<RoutingRuleEntry>();
    public DbSet<RuleSetEntry> RuleSets => Set<RuleSetEntry>();
    public DbSet<RuleChange> RuleChanges => Set<RuleChange>();
    public DbSet<SeasonEntry> Seasons => Set<SeasonEntry>();
    public DbSet<SeasonChange> SeasonChanges => Set<SeasonChange>();
    public DbSet<SlaTargetEntry> SlaTargets => Set<SlaTargetEntry>();
    public DbSet<SlaChange> SlaChanges => Set<SlaChange>();
    public DbSet<SlaBreachNotice> SlaBreachNotices => Set<SlaBreachNotice>();
    public DbSet<RoutingRuleChange> RoutingRuleChanges => Set<RoutingRuleChange>();
    public DbSet<WebhookSource> WebhookSources => Set<WebhookSource>();
    public DbSet<TaxonomyEntryRow> Taxonomy => Set<TaxonomyEntryRow>();
    public DbSet<TaxonomyChange> TaxonomyChanges => Set<TaxonomyChange>();
    public DbSet<ChallengeEntry> Challenges => Set<ChallengeEntry>();
    public DbSet<ReminderRow> Reminders => Set<ReminderRow>();
    public DbSet<NotificationEntry> Notifications => Set<NotificationEntry>();
    public DbSet<MutedNotificationType> MutedNotificationTypes => Set<MutedNotificationType>();
    public DbSet<KudosEntry> Kudos => Set<KudosEntry>();
    public DbSet<WallboardToken> WallboardTokens => Set<WallboardToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<AuditPersonalData> AuditPersonalData => Set<AuditPersonalData>();
    public DbSet<RetentionChange> RetentionChanges => Set<RetentionChange>();
    public DbSet<PrivacySettingsChange> PrivacySettings => Set<PrivacySettingsChange>();
    public DbSet<ConsentChange> ConsentChanges => Set<ConsentChange>();
    public DbSet<PseudonymKey> PseudonymKeys => Set<PseudonymKey>();
    public DbSet<AnalyticsStudyVersion> AnalyticsStudy => Set<AnalyticsStudyVersion>();

    /// <summary>Audit lines are made to name people by id before they are stored (see <see cref="Auditing.AuditLog.ReplaceEmails"/>).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Auditing.AuditLog.ReplaceEmails(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Auditing.AuditLog.ReplaceEmails(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database stays readable and reordering members is safe.
        configurationBuilder.Properties<ActionType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PointCategory>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Sentiment>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<Priority>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<FeedbackStatus>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<Domain.Challenges.ChallengeMetricKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<Domain.Challenges.ChallengeScopeKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Domain.Challenges.ChallengeStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Domain.Challenges.ChallengeRecurrence>().HaveConversion<string>().HaveMaxLength(10);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Department>(e =>
        {
            e.HasIndex(d => d.Slug).IsUnique();
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.Slug).HasMaxLength(100);
        });

        builder.Entity<Employee>(e =>
        {
            e.HasIndex(x => x.Email).IsUnique();
            e.HasIndex(x => x.DepartmentId);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.DisplayName).HasMaxLength(200);
        });

        builder.Entity<FeedbackItem>(e =>
        {
            e.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
            // Inbox keyset paging walks (receivedAt desc, id desc); the status one serves the default "open" view.
            e.HasIndex(x => new { x.ReceivedAt, x.Id });
            e.HasIndex(x => new { x.Status, x.ReceivedAt, x.Id });
            e.HasIndex(x => x.Fingerprint);
            e.Property(x => x.Fingerprint).HasMaxLength(NearDuplicates.FingerprintLength);
            e.Property(x => x.Channel).HasMaxLength(30);
            e.Property(x => x.ExternalId).HasMaxLength(FeedbackLimits.ExternalIdMaxLength);
            e.Property(x => x.Author).HasMaxLength(FeedbackLimits.AuthorMaxLength);
            e.Property(x => x.Text).HasMaxLength(FeedbackLimits.TextMaxLength);
            e.Property(x => x.Url).HasMaxLength(FeedbackLimits.UrlMaxLength);
            e.Property(x => x.Language).HasMaxLength(10);
            e.HasMany(x => x.Routings).WithOne().HasForeignKey(r => r.FeedbackId);
        });

        builder.Entity<FeedbackRouting>(e =>
        {
            e.HasKey(x => new { x.FeedbackId, x.DepartmentId });
            e.HasIndex(x => new { x.DepartmentId, x.FeedbackId });
        });

        builder.Entity<EngagementEvent>(e =>
        {
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => new { x.FeedbackId, x.Seq });
            e.HasIndex(x => new { x.EmployeeId, x.Seq });

            // The insights board reads only insight links; a partial index keeps the append path of every other event as it was.
            e.HasIndex(x => x.OccurredAt).HasFilter("\"Type\" = 'Insight'").HasDatabaseName("IX_Events_Insight_OccurredAt");
            // A department's activity feed reads its resolves and insights newest first; partial, like the one above.
            e.HasIndex(x => new { x.DepartmentId, x.OccurredAt }).HasFilter("\"Type\" IN ('Resolve', 'Insight')")
                .HasDatabaseName("IX_Events_Activity_Department_OccurredAt");
            e.Property(x => x.Source).HasMaxLength(30);
            e.Property(x => x.Text).HasMaxLength(FeedbackLimits.NoteMaxLength);
            e.Property(x => x.Url).HasMaxLength(FeedbackLimits.UrlMaxLength);
            e.HasMany(x => x.Awards).WithOne().HasForeignKey(a => a.EventSeq);
        });

        builder.Entity<AwardEntry>(e =>
        {
            e.HasIndex(x => new { x.EmployeeId, x.EventSeq });
            e.HasIndex(x => new { x.DepartmentId, x.OccurredAt });
            e.HasIndex(x => x.OccurredAt);
            // No index on EventId: lookups go through EventSeq (the foreign key's index), and rescoring rebuilds every
            // Awards index, so each one costs seconds on a million-line log.
            e.Property(x => x.RuleId).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(300);
        });

        builder.Entity<LedgerSnapshotEntry>(e =>
        {
            e.HasKey(x => x.EmployeeId);
            e.ToTable("LedgerSnapshots");
        });

        builder.Entity<ProjectionSnapshotEntry>(e =>
        {
            e.HasKey(x => x.Key);
            e.ToTable("ProjectionSnapshots");
        });

        builder.Entity<GamingFlag>(e =>
        {
            e.HasIndex(x => x.OccurredAt);
            e.Property(x => x.Flag).HasMaxLength(40);
        });

        builder.Entity<ApiKey>(e =>
        {
            e.HasIndex(x => x.KeyHash).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.Scopes).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });

        builder.Entity<RoutingRuleEntry>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
        });

        builder.Entity<RuleSetEntry>(e =>
        {
            e.HasKey(x => x.Version);
            e.Property(x => x.Version).ValueGeneratedNever();
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditLog");
            e.HasIndex(x => new { x.Action, x.Id });
            e.Property(x => x.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
            e.Property(x => x.Action).HasMaxLength(AuditEntry.ActionMaxLength);
            e.Property(x => x.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
        });

        builder.Entity<AuditPersonalData>(e =>
        {
            e.ToTable("AuditPersonalData");
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.AuditEntryId);
            e.Property(x => x.PersonId).HasMaxLength(AuditEntry.SubjectMaxLength);
            e.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.AuditEntryId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RuleChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<SeasonEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(SeasonCalendar.MaxIdLength);
            e.Property(x => x.Name).HasMaxLength(SeasonCalendar.MaxNameLength);
            e.HasIndex(x => x.Start);
        });

        builder.Entity<WebhookSource>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(WebhookSource.NameMaxLength);
            e.Property(x => x.Channel).HasMaxLength(30);
            e.Property(x => x.ProtectedSecret).HasMaxLength(1_000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });

        builder.Entity<SeasonChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<SlaTargetEntry>(e =>
        {
            e.HasKey(x => x.Priority);
        });

        builder.Entity<SlaChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<SlaBreachNotice>(e =>
        {
            // One row per item and clock: the key itself is what makes a breach notice go out once, across restarts.
            e.HasKey(x => new { x.FeedbackId, x.Clock });
            e.Property(x => x.Clock).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<RoutingRuleChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<TaxonomyEntryRow>(e =>
        {
            e.ToTable("TaxonomyEntries");
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(100);
        });

        builder.Entity<TaxonomyChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<AnalyticsStudyVersion>(e =>
        {
            e.ToTable("AnalyticsStudy");
            e.HasKey(x => new { x.Kind, x.Version });
            e.Property(x => x.Kind).HasMaxLength(20);
        });

        builder.Entity<ChallengeEntry>(e =>
        {
            e.HasIndex(x => x.Status);
            e.Property(x => x.Name).HasMaxLength(Domain.Challenges.ChallengeValidator.MaxNameLength);
            e.Property(x => x.Description).HasMaxLength(Domain.Challenges.ChallengeValidator.MaxDescriptionLength);
            e.Property(x => x.MetricAction).HasMaxLength(20);
            e.Property(x => x.MetricCategory).HasMaxLength(20);
            e.Property(x => x.RewardBadge).HasMaxLength(Domain.Challenges.ChallengeValidator.MaxBadgeLength);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });

        builder.Entity<ReminderRow>(e =>
        {
            e.HasKey(x => new { x.GrainId, x.ReminderName });
            e.HasIndex(x => x.GrainHash);
            e.Property(x => x.GrainId).HasMaxLength(300);
            e.Property(x => x.ReminderName).HasMaxLength(150);
            e.Property(x => x.ETag).HasMaxLength(40);
        });

        builder.Entity<NotificationEntry>(e =>
        {
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            // One row per notification and person: a repeated delivery (a retried push) is stored once.
            e.HasIndex(x => new { x.EmployeeId, x.NotificationId }).IsUnique();
            e.HasIndex(x => new { x.EmployeeId, x.Seq });
            e.HasIndex(x => new { x.Type, x.OccurredAt });
            e.Property(x => x.Type).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Message).HasMaxLength(2000);
        });

        builder.Entity<MutedNotificationType>(e =>
        {
            e.HasKey(x => new { x.EmployeeId, x.Type });
            e.Property(x => x.Type).HasMaxLength(40);
        });

        builder.Entity<KudosEntry>(e =>
        {
            // Thanking the same colleague for the same item twice is the same kudos (a retry), never double points.
            e.HasIndex(x => new { x.GiverId, x.ReceiverId, x.FeedbackId }).IsUnique();
            e.HasIndex(x => new { x.GiverId, x.GivenAt });
            e.HasIndex(x => new { x.ReceiverDepartmentId, x.GivenAt });
            e.HasIndex(x => new { x.GiverDepartmentId, x.GivenAt });
            e.HasIndex(x => x.GivenAt);
            e.Property(x => x.Message).HasMaxLength(300);
        });

        builder.Entity<RetentionChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Mode).HasMaxLength(10);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<PrivacySettingsChange>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(256);
        });

        builder.Entity<ConsentChange>(e =>
        {
            e.HasIndex(x => new { x.EmployeeId, x.Id });
        });

        builder.Entity<PseudonymKey>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Key).HasMaxLength(64);
        });

        builder.Entity<WallboardToken>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });
    }
}
