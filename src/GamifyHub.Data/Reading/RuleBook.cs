using GamifyHub.Data.Entities;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>The scoring rule set in force: the newest stored version, seeded from the defaults on first start.</summary>
public sealed class RuleBook(IDbContextFactory<GamifyDbContext> dbFactory, TimeProvider time)
{
    private volatile RuleSet _current = RuleSet.Default;

    public RuleSet Current => _current;

    /// <summary>Puts a just-committed rule set version in force (the writer calls this right after a rescore commits).</summary>
    public void Use(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _current = rules;
    }

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.RuleSets.OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            newest = new RuleSetEntry
            {
                Version = RuleSet.Default.Version,
                Json = RuleSetFormat.Write(RuleSet.Default),
                CreatedAt = time.GetUtcNow().UtcDateTime,
                CreatedBy = "system",
            };
            db.RuleSets.Add(newest);
            await db.SaveChangesAsync(cancellationToken);
        }

        _current = RuleSetFormat.Read(newest.Json);
    }
}
