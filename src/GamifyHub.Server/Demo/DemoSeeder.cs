using GamifyHub.Data.Privacy;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Demo;

/// <summary>
/// Seeds the demo company on the first start: departments, routing rules, people and sign-ins, the demo API key,
/// 240 feedback items and two weeks of engagement history. Runs before the server takes traffic.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, IDbContextFactory<GamifyDbContext> dbFactory, TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public const int FeedbackItems = 240;

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Departments.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var random = new Random(2026);
        var departments = await SeedOrganisation(cancellationToken);
        await services.GetRequiredService<CompanyDirectory>().RefreshAsync(cancellationToken);
        await SeedSignIns();
        await SeedFeedbackAndHistory(random, cancellationToken);
        logger.LogInformation("Seeded the demo company: {Departments} departments, {Items} feedback items", departments.Count, FeedbackItems);
    }

    /// <summary>
    /// Adds the demo season (started <see cref="DemoCompany.SeasonStartedDaysAgo"/> days ago) unless a season calendar was
    /// ever stored: runs on every start, so a demo database made before seasons existed gets it once, and an admin's
    /// edit (even to no seasons) is never overwritten.
    /// </summary>
    public async Task SeedSeasonIfNeverSetAsync(CancellationToken cancellationToken)
    {
        var zone = services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var calendar = SeasonCalendar.Create([new Season(DemoCompany.SeasonId, DemoCompany.SeasonName,
            today.AddDays(-DemoCompany.SeasonStartedDaysAgo), today.AddDays(DemoCompany.SeasonEndsInDays))]);
        if (await services.GetRequiredService<SeasonBook>().SeedIfNeverSetAsync(calendar, "demo", cancellationToken))
        {
            logger.LogInformation("Seeded the demo season {Season}", calendar.Seasons[0]);
        }
    }

    /// <summary>
    /// Consent to be ranked by name for a realistic share of the demo company (about two in three): the demo sign-ins
    /// Ravi, Sofia and Lena, and simulated colleagues chosen by their place in email order (not at random, so every demo
    /// database and every test sees the same people opted in). The others appear under pseudonyms. Runs once: a recorded
    /// consent (anyone's) means it was seeded or people decided for themselves.
    /// </summary>
    public async Task SeedConsentIfNeverSetAsync(CancellationToken cancellationToken)
    {
        string[] named = ["ravi.patel@demo.gamifyhub", "sofia.rossi@demo.gamifyhub", "lena.mueller@demo.gamifyhub"];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var employees = await db.Employees.AsNoTracking().OrderBy(e => e.Email).Select(e => new { e.Id, e.Email }).ToListAsync(cancellationToken);
        var optedIn = employees.Where((e, i) => named.Contains(e.Email, StringComparer.OrdinalIgnoreCase) || i % 3 != 2).Select(e => e.Id);
        if (await services.GetRequiredService<PrivacyBook>().SeedConsentIfNeverSetAsync(optedIn, cancellationToken))
        {
            logger.LogInformation("Seeded the demo company's consent to be ranked by name");
        }
    }

    /// <summary>The demo taxonomy unless one was ever stored (an admin's edit, even to nothing, is never overwritten).</summary>
    public async Task SeedTaxonomyIfNeverSetAsync(CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<TaxonomyBook>().SeedIfNeverSetAsync(DemoCompany.Taxonomy, "demo", cancellationToken))
        {
            logger.LogInformation("Seeded the demo taxonomy: {Topics} topics, {Products} products",
                DemoCompany.Taxonomy.Topics.Count, DemoCompany.Taxonomy.Products.Count);
        }
    }

    private async Task<Dictionary<string, Guid>> SeedOrganisation(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = new Dictionary<string, Guid>();
        var order = 10;
        foreach (var seed in DemoCompany.Departments)
        {
            var id = Guid.CreateVersion7();
            ids[seed.Slug] = id;
            db.Departments.Add(new Department { Id = id, Name = seed.Name, Slug = seed.Slug, IsTriage = seed.IsTriage });
            db.RoutingRules.Add(new RoutingRuleEntry
            {
                Id = Guid.CreateVersion7(),
                Order = order,
                Name = $"{seed.Name} keywords",
                Keywords = string.Join(',', seed.Keywords),
                Channels = seed.Slug == "product" ? "appstore" : "",
                DepartmentIds = id.ToString(),
                Topics = string.Join(',', seed.Topics ?? []),
            });
            order += 10;
        }

        foreach (var signIn in DemoCompany.SignIns.Where(s => s.DepartmentSlug is not null))
        {
            db.Employees.Add(new Employee
            {
                Id = Guid.CreateVersion7(),
                Email = signIn.Email,
                DisplayName = signIn.DisplayName,
                DepartmentId = ids[signIn.DepartmentSlug!],
            });
        }

        foreach (var (name, slug) in DemoCompany.Colleagues)
        {
            db.Employees.Add(new Employee
            {
                Id = Guid.CreateVersion7(),
                Email = DemoCompany.EmailFor(name),
                DisplayName = name,
                DepartmentId = ids[slug],
                IsSimulated = true,
            });
        }

        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = "Demo integration",
            KeyHash = ApiKeys.Hash(DemoCompany.ApiKey),
            Scopes = $"{ApiKeys.FeedbackWrite} {ApiKeys.EventsWrite}",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ids;
    }

    private async Task SeedSignIns()
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var directory = scope.ServiceProvider.GetRequiredService<CompanyDirectory>();
        foreach (var role in Roles.All)
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        foreach (var signIn in DemoCompany.SignIns)
        {
            var user = new AppUser
            {
                UserName = signIn.Email,
                Email = signIn.Email,
                EmailConfirmed = true,
                EmployeeId = directory.EmployeeByEmail(signIn.Email)?.Id,
            };
            Check(await users.CreateAsync(user, DemoCompany.Password));
            Check(await users.AddToRoleAsync(user, signIn.Role));
            if (signIn.Role == Roles.Manager)
            {
                Check(await users.AddToRoleAsync(user, Roles.Employee));
            }
        }
    }

    /// <summary>Feedback spread over two weeks, with simulated colleagues having worked part of it.</summary>
    private async Task SeedFeedbackAndHistory(Random random, CancellationToken cancellationToken)
    {
        var intake = services.GetRequiredService<FeedbackIntakeService>();
        var rules = services.GetRequiredService<RuleBook>().Current;
        var voices = new DemoVoices(random);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var colleagues = await db.Employees.AsNoTracking().Where(e => e.IsSimulated).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var zone = services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone;
        var ledgers = colleagues.ToDictionary(c => c.Id, c => new EmployeeLedger(c.Id));

        for (var i = 0; i < FeedbackItems; i++)
        {
            var createdAt = now.AddMinutes(-random.Next(10, 14 * 24 * 60));
            var prepared = await intake.PrepareAsync(voices.Next($"demo-{i:0000}", createdAt));
            var item = FeedbackItemFactory.Create(prepared, createdAt.UtcDateTime.AddMinutes(1));
            db.FeedbackItems.Add(item);

            var state = new FeedbackItemState(new ItemProfile(item.Id, item.Channel, item.Sentiment, item.Priority, item.Language,
                new DateTimeOffset(DateTime.SpecifyKind(item.ReceivedAt, DateTimeKind.Utc)), [.. prepared.DepartmentIds]));
            var at = item.ReceivedAt;
            foreach (var type in new[] { ActionType.Read, ActionType.Reply, ActionType.Resolve })
            {
                at = at.AddMinutes(random.Next(5, 600));
                if (random.NextDouble() > 0.6 || at > now.UtcDateTime)
                {
                    break;
                }

                var actors = colleagues.Where(c => state.IsRoutedTo(c.DepartmentId)).ToList();
                if (actors.Count == 0)
                {
                    break;
                }

                var actor = actors[random.Next(actors.Count)];
                var fact = new EngagementFact(Guid.CreateVersion7(), actor.Id, actor.DepartmentId, type,
                    new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), "simulator", null, state.FactsFor(type));
                var result = ledgers[actor.Id].Score(rules, fact, zone);
                ledgers[actor.Id].Observe(fact, result.Awards, zone);
                var text = type switch
                {
                    ActionType.Reply => "Thanks for telling us! We are on it.",
                    ActionType.Resolve => "Answered the customer and closed the loop.",
                    _ => null,
                };
                var record = new EngagementRecord(fact.EventId, actor.Id, actor.DepartmentId,
                    type, item.Id, at, "simulator", result.Awards, Text: text, Flags: result.Flags);
                db.Events.Add(EngagementEventFactory.Create(record, at));
                db.GamingFlags.AddRange(EngagementEventFactory.Flags(record));
                state.Apply(actor.Id, actor.DepartmentId, type, null, fact.Source, result.Awards);
            }

            item.Status = state.Status;
            item.ReplyCount = state.ReplyCount;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
