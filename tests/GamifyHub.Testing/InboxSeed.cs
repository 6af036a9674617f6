using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Testing;

/// <summary>
/// Writes many feedback items straight into a migrated SQLite file (one transaction, prepared statements), far faster
/// than the API, so the inbox can be measured and tested at 100,000 items. Every property of item i is a pure function
/// of i, so a test can compute the exact answer to any filter. Also compiled into bench/GamifyHub.Bench.
/// </summary>
public static class InboxSeed
{
    public static readonly string[] Channels = ["facebook", "linkedin", "x", "xing", "youtube", "instagram", "appstore", "blog"];
    public static readonly string[] Sentiments = ["Positive", "Neutral", "Negative"];
    public static readonly string[] Priorities = ["Normal", "Low", "High"];

    /// <summary>All seeded items are older than anything the demo or a test sends, so they come after those in the inbox.</summary>
    public static readonly DateTime Newest = new(2020, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>In every 2,500th item: a rare word.</summary>
    public const string RareWord = "Wasserschaden";

    /// <summary>In every 1,000th item: a German word with umlauts.</summary>
    public const string UmlautWord = "Lüftergeräusch";

    public sealed record Item(int Index, Guid Id, string Channel, string ExternalId, string Author, string Text, string Language,
        string Sentiment, string Priority, string Status, DateTime ReceivedAt, bool InDepartment)
    {
        /// <summary>The id as stored (upper-case text), which is what the inbox orders ties by.</summary>
        public string IdText => Id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
    }

    /// <summary>Item i. Two items share each timestamp so the id tie-break is exercised on every page.</summary>
    public static Item At(int i)
    {
        var language = (i / 9) % 2 == 0 ? "en" : "de";
        var text = language == "en"
            ? $"Item {i}: the app keeps asking for the login again, case {i % 97}."
            : $"Eintrag {i}: die App fragt ständig nach der Anmeldung, Fall {i % 97}.";
        if (i % 2_500 == 7)
        {
            text += $" {RareWord} im Keller.";
        }

        if (i % 1_000 == 3)
        {
            text += $" Das {UmlautWord} ist zu laut.";
        }

        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, 0x5EED_0000_0000_0000L + i);
        BitConverter.TryWriteBytes(bytes[8..], (long)(i * 2_654_435_761L % 1_000_003));
        return new Item(i, new Guid(bytes), Channels[i % Channels.Length], $"seed-{i}", $"@seed{i % 500}", text, language,
            Sentiments[i % 3], Priorities[(i / 3) % 3], i % 7 == 0 ? "Resolved" : "Open", Newest.AddSeconds(-(i / 2)), i % 5 != 4);
    }

    /// <summary>The seeded items routed to the department, in inbox order (newest first, then id descending as text).</summary>
    public static IEnumerable<Item> InboxOrder(int count, Func<Item, bool>? filter = null) =>
        Enumerable.Range(0, count).Select(At).Where(x => x.InDepartment && (filter?.Invoke(x) ?? true))
            .OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.IdText, StringComparer.Ordinal);

    /// <summary>
    /// Inserts items 0..count-1: those with <see cref="Item.InDepartment"/> routed to <paramref name="department"/>,
    /// the rest to <paramref name="otherDepartment"/>. The search index fills through the database's own triggers.
    /// </summary>
    public static async Task InsertAsync(string databasePath, int count, Guid department, Guid otherDepartment)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=60000; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var item = connection.CreateCommand();
        item.Transaction = transaction;
        item.CommandText = """
            INSERT INTO FeedbackItems (Id, Channel, ExternalId, Author, Text, Url, Language, Sentiment, Priority, Status, ReplyCount,
                                       CreatedAt, ReceivedAt)
            VALUES ($id, $channel, $externalId, $author, $text, NULL, $language, $sentiment, $priority, $status, 0, $at, $at)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$channel", "$externalId", "$author", "$text", "$language", "$sentiment", "$priority", "$status", "$at" })
        {
            p[name] = item.Parameters.Add(name, SqliteType.Text);
        }

        await using var routing = connection.CreateCommand();
        routing.Transaction = transaction;
        routing.CommandText = "INSERT INTO FeedbackRoutings (FeedbackId, DepartmentId, RoutedAt, ForwardedByEventId) VALUES ($id, $department, $at, NULL)";
        var rid = routing.Parameters.Add("$id", SqliteType.Text);
        var rdepartment = routing.Parameters.Add("$department", SqliteType.Text);
        var rat = routing.Parameters.Add("$at", SqliteType.Text);
        var inDepartment = GuidText(department);
        var outside = GuidText(otherDepartment);
        item.Prepare();
        routing.Prepare();

        for (var i = 0; i < count; i++)
        {
            var x = At(i);
            var at = x.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            p["$id"].Value = x.IdText;
            p["$channel"].Value = x.Channel;
            p["$externalId"].Value = x.ExternalId;
            p["$author"].Value = x.Author;
            p["$text"].Value = x.Text;
            p["$language"].Value = x.Language;
            p["$sentiment"].Value = x.Sentiment;
            p["$priority"].Value = x.Priority;
            p["$status"].Value = x.Status;
            p["$at"].Value = at;
            await item.ExecuteNonQueryAsync();
            rid.Value = x.IdText;
            rdepartment.Value = x.InDepartment ? inDepartment : outside;
            rat.Value = at;
            await routing.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>The id of a department by its slug (rnd, service, …), read from the file.</summary>
    public static async Task<Guid> DepartmentId(string databasePath, string slug)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Departments WHERE Slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        return Guid.Parse((string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No department '{slug}'.")));
    }

    private static string GuidText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
}
