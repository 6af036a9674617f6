using System.Globalization;

namespace GamifyHub.Soak;

public sealed record SoakOptions(double Minutes, int Rate, int IntervalSeconds, int WarmupSeconds, int Readers)
{
    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions(Minutes: 10, Rate: 200, IntervalSeconds: 30, WarmupSeconds: 30, Readers: 2);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--interval" => options with { IntervalSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--readers" => options with { Readers = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --minutes --rate --interval --warmup --readers"),
            };
        }

        return options;
    }
}
