using GamifyHub.Domain.Boards;

namespace GamifyHub.Grains;

/// <summary>Board grains are keyed "{board}/{window}", e.g. "employees/week".</summary>
public static class BoardKey
{
    public static string For(BoardScope scope, BoardWindow window) => $"{scope.Name}/{BoardWindows.Name(window)}";

    public static (BoardScope Scope, BoardWindow Window) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        if (slash < 0 || !BoardScope.TryParse(key[..slash], out var scope) || !BoardWindows.TryParse(key[(slash + 1)..], out var window))
        {
            throw new ArgumentException($"Not a board key: '{key}'.", nameof(key));
        }

        return (scope, window);
    }
}
