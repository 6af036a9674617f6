using System.Collections.Concurrent;
using System.Security.Cryptography;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Privacy;

/// <summary>The company-wide privacy switches (works council).</summary>
/// <param name="IndividualBoards">Per-person boards on or off company-wide.</param>
/// <param name="MinimumGroupSize">Departments with fewer members have their figures withheld.</param>
/// <param name="ManagersSeeIndividuals">Whether managers and admins see who did what in activity feeds.</param>
public sealed record PrivacySettings(bool IndividualBoards, int MinimumGroupSize, bool ManagersSeeIndividuals)
{
    public const int MinGroupSizeLimit = 1;
    public const int MaxGroupSizeLimit = 50;

    public static readonly PrivacySettings Default = new(true, 5, false);
}

/// <summary>An employee's consent to appear by name; <see cref="At"/> is null when they never decided (then: not ranked by name).</summary>
public sealed record Consent(bool RankedByName, DateTime? At);

/// <summary>How a person appears to others who may not see their name: a label and a stand-in id, both stable.</summary>
public sealed record Pseudonym(string Code, Guid Id)
{
    public string Label => $"Colleague {Code}";
}

/// <summary>
/// Privacy settings and employees' consent, held in memory (boards and pushes consult them on every row) and written
/// through the single writer with an audit line in the same transaction. Pseudonyms are an HMAC of the employee's id and
/// their consent epoch under a random key stored in the database, so nobody can compute them from an id without the key.
/// The epoch is how often the person has withdrawn a consent they gave (counted from the consent history, so nothing new
/// is stored): each time they go back to a pseudonym it is a new one, and a pseudonym seen before they were shown by name
/// cannot be tied to the one they have afterwards. Within an epoch the pseudonym is stable.
/// </summary>
public sealed class PrivacyBook(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time)
{
    private volatile PrivacySettings _settings = PrivacySettings.Default;
    private readonly ConcurrentDictionary<Guid, Consent> _consent = new();
    private readonly ConcurrentDictionary<(Guid Id, int Epoch), Pseudonym> _pseudonyms = new();
    private readonly ConcurrentDictionary<Guid, int> _epochs = new();
    private byte[] _key = [];

    public PrivacySettings Settings => _settings;

    /// <summary>Raised after a consent change commits (employee id, ranked by name now).</summary>
    public event Action<Guid, bool>? ConsentChanged;

    /// <summary>Reads settings, consent and the pseudonym key (making the key on first start). Start-up, before traffic.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.PseudonymKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == 1, cancellationToken);
        if (key is null)
        {
            key = new PseudonymKey { Id = 1, Key = RandomNumberGenerator.GetBytes(32) };
            db.PseudonymKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
        }

        _key = key.Key;
        _pseudonyms.Clear();
        var latest = await db.PrivacySettings.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        _settings = latest is null ? PrivacySettings.Default
            : new PrivacySettings(latest.IndividualBoards, latest.MinimumGroupSize, latest.ManagersSeeIndividuals);
        var changes = await db.ConsentChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        _consent.Clear();
        _epochs.Clear();
        foreach (var change in changes)
        {
            if (!change.RankedByName && RankedByName(change.EmployeeId))
            {
                _epochs.AddOrUpdate(change.EmployeeId, 1, (_, epoch) => epoch + 1);
            }

            _consent[change.EmployeeId] = new Consent(change.RankedByName, DateTime.SpecifyKind(change.At, DateTimeKind.Utc));
        }
    }

    public Consent ConsentOf(Guid employeeId) => _consent.GetValueOrDefault(employeeId) ?? new Consent(false, null);

    /// <summary>Whether others see this employee's name on individual boards, pushes and feeds.</summary>
    public bool RankedByName(Guid employeeId) => _consent.TryGetValue(employeeId, out var c) && c.RankedByName;

    /// <summary>The pseudonym others see while the employee is not ranked by name (the current epoch's).</summary>
    public Pseudonym PseudonymOf(Guid employeeId) => Derive(employeeId, _epochs.GetValueOrDefault(employeeId));

    /// <summary>The pseudonym the employee has, or will have once they withdraw the consent they gave now.</summary>
    public Pseudonym PseudonymWhenNotRanked(Guid employeeId) =>
        Derive(employeeId, _epochs.GetValueOrDefault(employeeId) + (RankedByName(employeeId) ? 1 : 0));

    /// <summary>A stand-in the key turns into something unlinkable to <paramref name="value"/> (e.g. a feed entry's source
    /// row), stable for as long as the key: 32 hex digits.</summary>
    public string Conceal(string value) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, System.Text.Encoding.UTF8.GetBytes("conceal/" + value)), 0, 16).ToLowerInvariant();

    private Pseudonym Derive(Guid employeeId, int epoch) => _pseudonyms.GetOrAdd((employeeId, epoch), k =>
    {
        // Epoch 0 keeps the derivation pseudonyms had before epochs existed, so those already shown stay as they were.
        byte[] input = k.Epoch == 0 ? k.Id.ToByteArray() : [.. k.Id.ToByteArray(), .. BitConverter.GetBytes(k.Epoch)];
        var hash = HMACSHA256.HashData(_key, input);
        var code = Convert.ToHexString(hash, 0, 2);
        var bytes = hash.AsSpan(4, 16).ToArray();
        // An RFC 9562 version 8 ("custom") id, so it never collides with a real (version 7) id.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Pseudonym(code, new Guid(bytes));
    });

    /// <summary>Replaces the settings; answers the settings before. The history row and audit line commit together.</summary>
    public Task<PrivacySettings> ReplaceAsync(PrivacySettings settings, string actor) =>
        writer.ExclusiveAsync(async db =>
        {
            var before = _settings;
            var at = time.GetUtcNow().UtcDateTime;
            db.PrivacySettings.Add(new PrivacySettingsChange
            {
                IndividualBoards = settings.IndividualBoards, MinimumGroupSize = settings.MinimumGroupSize,
                ManagersSeeIndividuals = settings.ManagersSeeIndividuals, At = at, Actor = actor,
            });
            db.Audit(at, actor, AuditActions.PrivacyChanged, "privacy", new { before, after = settings });
            await db.SaveChangesAsync();
            return before;
        }, _ => _settings = settings);

    /// <summary>The settings' history, newest first.</summary>
    public async Task<List<PrivacySettingsChange>> HistoryAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PrivacySettings.AsNoTracking().OrderByDescending(s => s.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Records the employee's consent when it changes (a repeat of the current answer writes nothing); answers whether it changed.</summary>
    public async Task<bool> SetConsentAsync(Guid employeeId, bool rankedByName, string actor)
    {
        var changed = await writer.ExclusiveAsync(async db =>
        {
            if (RankedByName(employeeId) == rankedByName && _consent.ContainsKey(employeeId))
            {
                return false;
            }

            var at = time.GetUtcNow().UtcDateTime;
            db.ConsentChanges.Add(new ConsentChange { EmployeeId = employeeId, RankedByName = rankedByName, At = at });
            db.Audit(at, actor, rankedByName ? AuditActions.ConsentGiven : AuditActions.ConsentRevoked,
                employeeId.ToString(), new { rankedByName });
            await db.SaveChangesAsync();
            if (!rankedByName && RankedByName(employeeId))
            {
                // Back to a pseudonym: a new one, so the one seen before the name was shown cannot be tied to it.
                _epochs.AddOrUpdate(employeeId, 1, (_, epoch) => epoch + 1);
            }

            _consent[employeeId] = new Consent(rankedByName, at);
            return true;
        });
        if (changed)
        {
            ConsentChanged?.Invoke(employeeId, rankedByName);
        }

        return changed;
    }

    /// <summary>One employee's consent history, oldest first.</summary>
    public async Task<List<ConsentChange>> ConsentHistoryAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ConsentChanges.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Gives consent for these employees when nobody's consent was ever recorded (the demo company's first start, or a demo
    /// database made before consent existed). Start-up, before traffic. Answers whether it stored anything.
    /// </summary>
    public async Task<bool> SeedConsentIfNeverSetAsync(IEnumerable<Guid> employees, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ConsentChanges.AnyAsync(cancellationToken))
        {
            return false;
        }

        var at = time.GetUtcNow().UtcDateTime;
        var ids = employees.Distinct().ToList();
        foreach (var id in ids)
        {
            // Demo data, not a person's decision: kept in the consent history, not in the audit log (which records what
            // people did).
            db.ConsentChanges.Add(new ConsentChange { EmployeeId = id, RankedByName = true, At = at });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var id in ids)
        {
            _consent[id] = new Consent(true, at);
        }

        return ids.Count > 0;
    }
}
