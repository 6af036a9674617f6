namespace GamifyHub.Browser.Tests;

/// <summary>
/// Classes in this collection run one after another instead of beside the others: each class starts its own server and
/// browser, and on a two-core machine one more of them in parallel made the challenge test miss its live push deadline.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SerialBrowserTests
{
    public const string Name = "serial browser tests";
}
