using FsCheck.Xunit;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Privacy;

namespace GamifyHub.Domain.Tests.Privacy;

/// <summary>
/// For random companies (departments of random sizes, random scores and insight links, random consent and settings) every
/// answer one caller can get is built with the rules the host uses (<see cref="GroupRules"/> on real <see cref="Leaderboard"/>
/// rankings): the departments board, the <c>department-{x}</c> board of every department, the employees board and the
/// insights totals. An attacker then tries to work out a withheld department's figure (points, or insight links) from all
/// of them together: rows read directly, rows grouped by the department they name, rows joined by id across boards
/// (including the people they know by name and their own row), and totals minus the departments shown. None may succeed,
/// except where every member of the department is ranked by name or is the caller (they agreed to be seen, or it is theirs).
/// </summary>
public class MinimumGroupPropertyTests
{
    private sealed record Person(int Index, int Department, long Score, bool Named, int Links)
    {
        public Guid Id => Ids.Of(1000 + Index);

        /// <summary>The id others see (the host's pseudonym id when not ranked by name).</summary>
        public Guid PublicId => Named ? Id : Ids.Of(5000 + Index);
    }

    private sealed record Company(int Minimum, bool IndividualBoards, bool ManagersSeeIndividuals, int[] Sizes, List<Person> People,
        Person Caller)
    {
        public static Guid DepartmentId(int department) => Ids.Of(1 + department);

        public bool Withheld(int department) => GroupRules.Withheld(Sizes[department], Minimum);

        public bool WithheldId(Guid id) => Withheld(Array.IndexOf(Departments, id));

        public Guid[] Departments => [.. Enumerable.Range(0, Sizes.Length).Select(DepartmentId)];

        public IEnumerable<Person> Members(int department) => People.Where(p => p.Department == department);

        public static Company Random(int seed)
        {
            var random = new Random(seed);
            var sizes = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(0, 7)).ToArray();
            if (sizes.Sum() == 0)
            {
                sizes[0] = 1;
            }

            // A small score range, so ties (which list more rows of the top half) are common.
            var scoreRange = random.Next(1, 4) == 1 ? 3 : 30;
            var people = new List<Person>();
            for (var d = 0; d < sizes.Length; d++)
            {
                for (var i = 0; i < sizes[d]; i++)
                {
                    people.Add(new Person(people.Count, d, random.Next(0, scoreRange + 1), random.Next(3) == 0, random.Next(0, 4)));
                }
            }

            return new Company(random.Next(1, 7), random.Next(4) != 0, random.Next(2) == 0, sizes, people,
                people[random.Next(people.Count)]);
        }
    }

    /// <summary>A row of an individual board as the caller gets it.</summary>
    private sealed record Row(Guid PublicId, long Score, int Rank, int? Department);

    private sealed record Answers(IReadOnlyList<DepartmentStanding> Departments, IReadOnlyList<Row> Employees,
        IReadOnlyDictionary<int, IReadOnlyList<Row>> DepartmentBoards, int LinkCount, IReadOnlyDictionary<Guid, int> LinkedBy);

    /// <summary>Everything the caller can read, as the host builds it.</summary>
    private static Answers Ask(Company company)
    {
        var departments = new Leaderboard();
        for (var d = 0; d < company.Sizes.Length; d++)
        {
            if (company.Sizes[d] > 0)
            {
                departments.Set(Company.DepartmentId(d), company.Members(d).Sum(p => p.Score));
            }
        }

        var standings = GroupRules.Departments(departments.Top(departments.Count), company.WithheldId);
        var byId = company.People.ToDictionary(p => p.Id);

        List<Row> Individuals(IEnumerable<Person> people, bool departmentWithheld)
        {
            var board = new Leaderboard();
            foreach (var p in people)
            {
                board.Set(p.Id, p.Score);
            }

            return [.. board.Top(board.Count)
                .Where(r => GroupRules.Lists(r.Rank, r.MemberId, board.Count, company.Caller.Id, departmentWithheld))
                .Select(r =>
                {
                    var person = byId[r.MemberId];
                    var pseudonym = !person.Named && person != company.Caller;
                    return new Row(pseudonym ? person.PublicId : person.Id, r.Score, GroupRules.ShownRank(r.Rank, departmentWithheld),
                        GroupRules.NamesDepartment(pseudonym) ? person.Department : null);
                })];
        }

        var employees = company.IndividualBoards ? Individuals(company.People, false) : [];
        var boards = new Dictionary<int, IReadOnlyList<Row>>();
        for (var d = 0; company.IndividualBoards && d < company.Sizes.Length; d++)
        {
            boards[d] = Individuals(company.Members(d), company.Withheld(d));
        }

        var links = company.People.SelectMany(p => Enumerable.Repeat(Company.DepartmentId(p.Department), p.Links));
        var counted = GroupRules.Countable(links, id => id, company.WithheldId).ToList();
        return new Answers(standings, employees, boards, counted.Count,
            counted.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>What the attacker works out: department index → a figure it claims to know, by each kind of figure.</summary>
    private static (Dictionary<int, long> Points, Dictionary<int, long> Links) Attack(Company company, Answers answers)
    {
        var points = new Dictionary<int, long>();
        var links = new Dictionary<int, long>();
        var caller = company.Caller;

        // Rows read directly.
        foreach (var row in answers.Departments.Where(r => !r.Withheld))
        {
            points[Array.IndexOf(company.Departments, row.DepartmentId)] = row.Score;
        }

        foreach (var (id, count) in answers.LinkedBy)
        {
            links[Array.IndexOf(company.Departments, id)] = count;
        }

        // Rows grouped by department: the department a row names, the department board it is on, people known by name
        // (their department is no secret), and the caller's own score.
        var allRows = answers.Employees.Concat(answers.DepartmentBoards.Values.SelectMany(r => r)).ToList();
        var scoreOf = allRows.GroupBy(r => r.PublicId).ToDictionary(g => g.Key, g => g.First().Score);
        for (var d = 0; d < company.Sizes.Length; d++)
        {
            var members = new HashSet<Guid>(answers.Employees.Where(r => r.Department == d).Select(r => r.PublicId));
            if (answers.DepartmentBoards.TryGetValue(d, out var board))
            {
                members.UnionWith(board.Select(r => r.PublicId));
            }

            members.UnionWith(company.Members(d).Where(p => p.Named && scoreOf.ContainsKey(p.Id)).Select(p => p.Id));
            members.Remove(caller.Id);
            members.Remove(caller.PublicId);
            var known = members.Count + (caller.Department == d ? 1 : 0);
            if (company.Sizes[d] > 0 && known == company.Sizes[d])
            {
                points[d] = members.Sum(m => scoreOf[m]) + (caller.Department == d ? caller.Score : 0);
            }
        }

        // Totals minus what is shown: whatever is left belongs to the withheld departments; the caller knows their own
        // department's figure when they are its only member.
        var left = answers.LinkCount - answers.LinkedBy.Values.Sum();
        var unknown = answers.Departments.Where(r => r.Withheld).Select(r => Array.IndexOf(company.Departments, r.DepartmentId)).ToList();
        if (company.Sizes[caller.Department] == 1 && unknown.Remove(caller.Department))
        {
            left -= caller.Links;
        }

        if (unknown.Count == 1 && left > 0)
        {
            links[unknown[0]] = left;
        }

        return (points, links);
    }

    [Property(MaxTest = 2000)]
    public void No_withheld_department_figure_can_be_worked_out_from_all_answers_together(int seed)
    {
        var company = Company.Random(seed);
        var answers = Ask(company);
        var (points, links) = Attack(company, answers);

        for (var d = 0; d < company.Sizes.Length; d++)
        {
            if (!company.Withheld(d) || company.Sizes[d] == 0)
            {
                continue;
            }

            var members = company.Members(d).ToList();
            var own = members.All(p => p == company.Caller);
            if (!own && !members.All(p => p.Named || p == company.Caller))
            {
                Assert.False(points.TryGetValue(d, out var guessed) && guessed == members.Sum(p => p.Score),
                    $"seed {seed}: the points of withheld department {d} ({members.Count} people, minimum {company.Minimum}) can be worked out");
            }

            if (!own)
            {
                Assert.False(links.TryGetValue(d, out var guessedLinks) && guessedLinks == members.Sum(p => p.Links),
                    $"seed {seed}: the insight links of withheld department {d} can be worked out");
            }
        }
    }

    [Property(MaxTest = 500)]
    public void Shown_departments_keep_their_figures_and_rank_among_themselves(int seed)
    {
        var company = Company.Random(seed);
        var answers = Ask(company);
        var shown = answers.Departments.Where(r => !r.Withheld).ToList();
        Assert.All(answers.Departments.Where(r => r.Withheld), r => Assert.Equal((0, 0L), (r.Rank, r.Score)));
        for (var i = 0; i < shown.Count; i++)
        {
            var d = Array.IndexOf(company.Departments, shown[i].DepartmentId);
            Assert.Equal(company.Members(d).Sum(p => p.Score), shown[i].Score);
            Assert.Equal(1 + shown.Count(o => o.Score > shown[i].Score), shown[i].Rank);
        }

        // Insights: the figures shown add up to the total, so no remainder is left to subtract.
        Assert.Equal(answers.LinkCount, answers.LinkedBy.Values.Sum());
        Assert.DoesNotContain(answers.LinkedBy.Keys, company.WithheldId);
    }

    [Fact]
    public void A_department_of_one_below_the_minimum_shows_its_member_only_their_own_row()
    {
        var me = Ids.Of(1);
        Assert.True(GroupRules.Lists(1, me, 1, me, departmentWithheld: true));
        Assert.False(GroupRules.Lists(1, Ids.Of(2), 2, me, departmentWithheld: true));
        Assert.False(GroupRules.Lists(1, Ids.Of(2), 2, null, departmentWithheld: true));
        Assert.Equal(0, GroupRules.ShownRank(1, departmentWithheld: true));
        Assert.True(GroupRules.Lists(1, Ids.Of(2), 2, null, departmentWithheld: false));
    }
}
