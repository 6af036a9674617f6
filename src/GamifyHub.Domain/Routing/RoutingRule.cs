namespace GamifyHub.Domain.Routing;

/// <summary>
/// Routes feedback whose text contains any keyword, that comes from one of the channels, or that has one of the topics or
/// products (names from the taxonomy) to departments. Rules are data, kept in the database and edited by admins; lower
/// <see cref="Order"/> is checked first.
/// </summary>
public sealed record RoutingRule(int Order, string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Channels,
    IReadOnlyList<Guid> DepartmentIds, IReadOnlyList<string>? TopicNames = null, IReadOnlyList<string>? ProductNames = null)
{
    public IReadOnlyList<string> Topics => TopicNames ?? [];

    public IReadOnlyList<string> Products => ProductNames ?? [];
}
