using System.Runtime.CompilerServices;
using Google.OrTools.Graph;

namespace Thuis.Matching;

/// <summary>
/// A minimum-cost flow that stays optimal while its arcs change. It keeps, beside the flow, a potential per node such
/// that every arc with room left has a reduced cost of zero or more (the optimality condition); a change breaks that
/// condition only on the arcs it touches, so the change is repaired there: an arc whose reduced cost turned negative
/// is filled, one that now costs more than it saves is emptied, a capacity that shrank below the flow gives the rest
/// back, and the nodes left with too much or too little flow are evened out again along shortest paths on reduced
/// costs (Dijkstra from the kept potentials). Only the nodes those searches settle get new potentials.
/// </summary>
/// <remarks>
/// OR-Tools stays the full solver: <see cref="SolveFully"/> hands the whole network to it, reads the flow back and
/// computes potentials from the optimal flow (shortest paths in its residual network, as OR-Tools does not return its
/// duals). A repair whose work passes <see cref="WorkLimit"/> is abandoned for such a full solve, as beyond that the
/// repair would no longer be the cheaper of the two. Costs are the network's own integers, so objectives compare
/// exactly. Arcs come in pairs: arc 2k is the k-th arc added, 2k+1 its reverse in the residual network.
/// </remarks>
internal sealed partial class RepairableFlow
{
    private int _nodes;
    private int _arcs;
    // What a search reads of an arc and of a node, each in one place: two cache misses per arc scanned, not six.
    private ArcEnd[] _end = new ArcEnd[16];
    private NodeState[] _state = new NodeState[16];
    private long[] _room = new long[16];
    private int[][] _out = new int[16][];
    private int[] _outCount = new int[16];

    // Each node's arcs with room left come first in its list (the first _live of them), so a search scans only those:
    // an offer's list holds a reverse arc for every person who has it as a candidate, but few carry flow. _position is
    // where an arc stands in its tail's list.
    private int[] _live = new int[16];
    private int[] _position = new int[16];
    private long[] _excess = new long[16];
    private long[] _supply = new long[16];

    // The nodes whose flow is out of balance, each once (a flag beside the list).
    private readonly List<int> _unbalanced = [];
    private bool[] _listed = new bool[16];

    // Dijkstra's state, reset only where a search went.

    // Potentials exist only once the network has been solved; arcs added before that are not settled one by one.
    private bool _solved;
    private readonly Search _forward;
    private readonly Search _backward;

    // How much more work the forward search may do than the backward one before the backward one takes a step. Even
    // (measured on B5: against four to one, the median change scanned 16,000 arcs instead of 19,000 for a reject, 4,900
    // instead of 10,000 for a changed person, 14,500 instead of 22,000 for a capacity).
    private const long BackwardShare = 1;

    public RepairableFlow()
    {
        _forward = new Search(this, backward: false);
        _backward = new Search(this, backward: true);
        _forward.Other = _backward;
        _backward.Other = _forward;
    }

    public int NodeCount => _nodes;

    /// <summary>The number of arcs added (not counting reverses), the live and the emptied alike.</summary>
    public int ArcCount => _arcs / 2;

    /// <summary>The cost of the current flow: the sum over arcs of flow times unit cost.</summary>
    public long TotalCost { get; private set; }

    /// <summary>
    /// How many arcs a repair may scan before it gives up for a full solve, as a multiple of the network's arcs. Eight
    /// sweeps of the whole network take a fraction of what OR-Tools takes for it (bench B5); zero always solves fully.
    /// </summary>
    public double WorkLimit { get; set; } = 8;

    /// <summary>What the last repair did.</summary>
    public RepairStatistics Last { get; private set; }

    /// <summary>Where the last full solve's time went: OR-Tools' own solve, and the potentials computed from its flow.</summary>
    public (TimeSpan Solving, TimeSpan Potentials) LastFullSolve { get; private set; }

    public int AddNode()
    {
        Grow(ref _out, _nodes + 1);
        Grow(ref _outCount, _nodes + 1);
        Grow(ref _live, _nodes + 1);
        Grow(ref _state, _nodes + 1);
        Grow(ref _excess, _nodes + 1);
        Grow(ref _supply, _nodes + 1);
        Grow(ref _listed, _nodes + 1);
        _out[_nodes] = new int[4];
        return _nodes++;
    }

    /// <summary>
    /// Adds an arc without flow. In a network already solved, a new arc that would pay for itself is filled at once,
    /// for <see cref="Repair"/> to balance.
    /// </summary>
    public int AddArc(int from, int to, long capacity, long cost, bool settle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Grow(ref _end, _arcs + 2);
        Grow(ref _room, _arcs + 2);
        Grow(ref _position, _arcs + 2);
        var arc = _arcs;
        _end[arc].Head = to;
        _room[arc] = capacity;
        _end[arc].Cost = cost;
        _end[arc + 1].Head = from;
        _room[arc + 1] = 0;
        _end[arc + 1].Cost = -cost;
        _arcs += 2;
        Attach(from, arc);
        Attach(to, arc + 1);
        Touch(arc);
        if (settle)
        {
            Settle(arc);
        }

        return arc;
    }

    public int Tail(int arc) => _end[arc ^ 1].Head;

    public int Head(int arc) => _end[arc].Head;

    public long Flow(int arc) => _room[arc | 1];

    public long Capacity(int arc) => _room[arc & ~1] + _room[arc | 1];

    public long Cost(int arc) => _end[arc & ~1].Cost;

    public long Supply(int node) => _supply[node];

    public long Potential(int node) => _state[node].Potential;

    /// <summary>What a node puts into the network (negative: takes out); its flow is then out of balance until repaired.</summary>
    public void AddSupply(int node, long amount)
    {
        _supply[node] += amount;
        Shift(node, amount);
    }

    /// <summary>
    /// A new capacity: flow above it is given back (its nodes out of balance), and room that appears on an arc that
    /// pays for itself is filled.
    /// </summary>
    public void SetCapacity(int arc, long capacity, bool settle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var flow = Flow(arc);
        if (flow > capacity)
        {
            Push(arc | 1, flow - capacity);
        }

        _room[arc] = capacity - Flow(arc);
        Touch(arc);
        if (settle)
        {
            Settle(arc);
        }
    }

    /// <summary>A new unit cost; the arc is then filled or emptied if its reduced cost says the flow should change.</summary>
    public void SetCost(int arc, long cost, bool settle = true)
    {
        TotalCost += Flow(arc) * (cost - _end[arc].Cost);
        _end[arc].Cost = cost;
        _end[arc | 1].Cost = -cost;
        if (settle)
        {
            Settle(arc);
        }
    }

    /// <summary>
    /// Takes all flow off the arcs into and out of a node, leaving its neighbours out of balance: the start of a
    /// change that rewrites a node's arcs, so that <see cref="Reprice"/> can then choose its potential freely.
    /// </summary>
    public void Empty(int node)
    {
        // A copy: pushing moves arcs within the node's own list.
        var arcs = _out[node][.._outCount[node]];
        foreach (var arc in arcs)
        {
            var back = (arc & 1) == 0 ? arc ^ 1 : arc;
            if (_room[back] > 0)
            {
                Push(back, _room[back]);
            }
        }
    }

    /// <summary>
    /// Gives a node the lowest potential at which none of its arcs out has a negative reduced cost, then settles its
    /// arcs in, which can only fill them. After <see cref="Empty"/> and new arcs out, this leaves at most as much flow to
    /// route as fills the arcs in (for a person: their proposals), where settling each new arc on its own could fill
    /// every one of them, one shortest path each.
    /// </summary>
    public void Reprice(int node)
    {
        if (!_solved)
        {
            return;
        }

        var arcs = _out[node];
        var best = long.MinValue;
        for (var k = 0; k < _outCount[node]; k++)
        {
            var arc = arcs[k];
            if (_room[arc] > 0)
            {
                best = Math.Max(best, _state[_end[arc].Head].Potential - _end[arc].Cost);
            }
        }

        if (best != long.MinValue)
        {
            _state[node].Potential = best;
        }

        foreach (var arc in arcs[.._outCount[node]])
        {
            Settle(arc);
        }
    }

    /// <summary>
    /// Takes one unit of flow and of capacity off an arc that carries flow, leaving its nodes' balance as it was: for a
    /// path of such arcs from a supply to a demand (with both lowered by one), as when an accepted match leaves the
    /// round. Nothing else changes, as removing room from the residual network keeps every remaining reduced cost.
    /// </summary>
    public void RemoveUsedUnit(int arc)
    {
        if (Flow(arc) < 1)
        {
            throw new InvalidOperationException("Only an arc that carries flow can give up a used unit.");
        }

        _room[arc | 1]--;
        Touch(arc);
        TotalCost -= _end[arc].Cost;
    }

    /// <summary>Changes a node's supply without touching its balance: the other half of <see cref="RemoveUsedUnit"/>.</summary>
    public void LowerSupplyWithFlow(int node, long amount) => _supply[node] -= amount;

    /// <summary>Whether every node is balanced (true after every repair or full solve).</summary>
    public bool Balanced => _unbalanced.Count == 0;

    /// <summary>
    /// Evens out every unbalanced node along shortest augmenting paths on reduced costs, and falls back to a full solve
    /// when the work passes <see cref="WorkLimit"/>. Returns whether the repair sufficed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Repair()
    {
        var limit = (long)(WorkLimit * _arcs / 2);
        long scanned = 0;
        var augmentations = 0;
        var settled = 0;
        var meetings = 0;
        while (true)
        {
            // A node with surplus and one short of flow: a search forward from the one and one backward from the other,
            // the shortest augmenting path from whichever ends first (or from where they meet).
            var from = -1;
            var to = -1;
            foreach (var node in _unbalanced)
            {
                if (from < 0 && _excess[node] > 0)
                {
                    from = node;
                }
                else if (to < 0 && _excess[node] < 0)
                {
                    to = node;
                }
            }

            if (from < 0)
            {
                break;
            }

            if (to < 0)
            {
                throw new InvalidOperationException("A node has surplus while none lacks flow.");
            }

            _forward.Start(from);
            _backward.Start(to);
            Search? done = null;
            var met = false;
            while (done is null && !met)
            {
                if (scanned + _forward.Work + _backward.Work > limit)
                {
                    SolveFully();
                    Last = new RepairStatistics(augmentations, settled, scanned + _forward.Work + _backward.Work, FellBack: true, meetings);
                    return false;
                }

                // The two take turns by work done. Each may end alone (forward at a node short of flow, backward at a
                // surplus), or both where they meet: from an offer that gained a place back to a person who wants it
                // takes a few steps, where the way forward from the sink first crosses every node at reduced cost zero.
                var next = _backward.Exhausted || (!_forward.Exhausted && _forward.Work <= BackwardShare * _backward.Work) ? _forward : _backward;
                if (next.Exhausted)
                {
                    throw new InvalidOperationException("A node's surplus found no way to a node that lacks flow.");
                }

                if (next.Step())
                {
                    done = next;
                }
                else if (_forward.MeetingNode >= 0 && _forward.Top + _backward.Top >= _forward.Meeting)
                {
                    // The two searches met, and nothing either has left can make a shorter way from `from` to `to`.
                    met = true;
                }
            }

            scanned += _forward.Work + _backward.Work;
            settled += _forward.SettledCount + _backward.SettledCount;
            if (done is not null)
            {
                done.MovePotentials();
                done.Augment();
            }
            else
            {
                _forward.MovePotentialsMet();
                _forward.AugmentMet();
                meetings++;
            }

            augmentations++;
        }

        foreach (var node in _unbalanced)
        {
            if (_excess[node] != 0)
            {
                throw new InvalidOperationException("A repair left a node out of balance.");
            }

            _listed[node] = false;
        }

        _unbalanced.Clear();
        Last = new RepairStatistics(augmentations, settled, scanned, FellBack: false, meetings);
        return true;
    }

    /// <summary>
    /// Solves the whole network again with OR-Tools and keeps its flow, then computes potentials for it: shortest
    /// distances in the residual network from a root joined to every node at no cost (Bellman-Ford with a queue; an
    /// optimal flow leaves no negative cycle, so it ends).
    /// </summary>
    public void SolveFully()
    {
        using var solver = new MinCostFlow(_nodes, _arcs / 2);
        for (var arc = 0; arc < _arcs; arc += 2)
        {
            solver.AddArcWithCapacityAndUnitCost(_end[arc + 1].Head, _end[arc].Head, Capacity(arc), _end[arc].Cost);
        }

        for (var node = 0; node < _nodes; node++)
        {
            solver.SetNodeSupply(node, _supply[node]);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var status = solver.Solve();
        var solving = watch.Elapsed;
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The round found no optimum: {status}.");
        }

        long total = 0;
        for (var arc = 0; arc < _arcs; arc += 2)
        {
            var flow = solver.Flow(arc / 2);
            var capacity = Capacity(arc);
            _room[arc] = capacity - flow;
            _room[arc + 1] = flow;
            Touch(arc);
            total += flow * _end[arc].Cost;
        }

        TotalCost = total;
        foreach (var node in _unbalanced)
        {
            _listed[node] = false;
        }

        _unbalanced.Clear();
        Array.Clear(_excess, 0, _nodes);
        watch.Restart();
        ComputePotentials();
        LastFullSolve = (solving, watch.Elapsed);
    }

    /// <summary>
    /// Checks the flow against every capacity and the balance at every node, and every reduced cost: what the
    /// property tests ask after each change. Returns the first thing wrong, or null.
    /// </summary>
    public string? Violation()
    {
        var balance = new long[_nodes];
        for (var node = 0; node < _nodes; node++)
        {
            balance[node] = _supply[node];
        }

        long total = 0;
        for (var arc = 0; arc < _arcs; arc += 2)
        {
            var flow = _room[arc + 1];
            if (flow < 0 || _room[arc] < 0)
            {
                return $"arc {arc / 2} carries {flow} of {Capacity(arc)}";
            }

            balance[Tail(arc)] -= flow;
            balance[_end[arc].Head] += flow;
            total += flow * _end[arc].Cost;
        }

        for (var node = 0; node < _nodes; node++)
        {
            if (balance[node] != 0)
            {
                return $"node {node} is out of balance by {balance[node]}";
            }
        }

        if (total != TotalCost)
        {
            return $"the cost kept is {TotalCost}, the flow's is {total}";
        }

        for (var arc = 0; arc < _arcs; arc++)
        {
            if (_room[arc] > 0 && Reduced(arc) < 0)
            {
                return $"residual arc {arc} has reduced cost {Reduced(arc)}";
            }

            if (_out[Tail(arc)][_position[arc]] != arc || (_room[arc] > 0) != (_position[arc] < _live[Tail(arc)]))
            {
                return $"residual arc {arc} stands on the wrong side of its node's arcs with room";
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Reduced(int arc) => _end[arc].Cost + _state[_end[arc ^ 1].Head].Potential - _state[_end[arc].Head].Potential;

    /// <summary>Restores the optimality condition on one arc (both directions) by filling or emptying it.</summary>
    private void Settle(int arc)
    {
        if (!_solved)
        {
            return;
        }

        var forward = arc & ~1;
        var reduced = Reduced(forward);
        if (reduced < 0 && _room[forward] > 0)
        {
            Push(forward, _room[forward]);
        }
        else if (reduced > 0 && _room[forward + 1] > 0)
        {
            Push(forward + 1, _room[forward + 1]);
        }
    }

    private void Push(int arc, long amount)
    {
        _room[arc] -= amount;
        _room[arc ^ 1] += amount;
        Touch(arc);
        TotalCost += amount * _end[arc].Cost;
        Shift(_end[arc ^ 1].Head, -amount);
        Shift(_end[arc].Head, amount);
    }

    private void Shift(int node, long amount)
    {
        if (amount == 0)
        {
            return;
        }

        _excess[node] += amount;
        if (!_listed[node])
        {
            _listed[node] = true;
            _unbalanced.Add(node);
        }
    }

    /// <summary>
    /// Potentials of an optimal flow: Bellman-Ford with a queue from a root joined to every node at cost zero. After the
    /// first solve it starts from the potentials the network had (a full solve after a repair gave up changes few of
    /// them): labels that only go down end where no residual arc has a negative reduced cost, from any start, as long as
    /// the flow is optimal.
    /// </summary>
    private void ComputePotentials()
    {
        var state = _state;
        if (!_solved)
        {
            for (var node = 0; node < _nodes; node++)
            {
                state[node].Potential = 0;
            }
        }

        var inQueue = new bool[_nodes];
        var passes = new int[_nodes];
        var queue = new Queue<int>(_nodes);
        for (var node = 0; node < _nodes; node++)
        {
            queue.Enqueue(node);
            inQueue[node] = true;
        }

        while (queue.TryDequeue(out var node))
        {
            inQueue[node] = false;
            var arcs = _out[node];
            var d = state[node].Potential;
            for (var k = 0; k < _live[node]; k++)
            {
                var arc = arcs[k];
                var next = _end[arc].Head;
                var nd = d + _end[arc].Cost;
                if (nd < state[next].Potential)
                {
                    state[next].Potential = nd;
                    if (!inQueue[next])
                    {
                        if (++passes[next] > _nodes)
                        {
                            throw new InvalidOperationException("The flow read back from the solver is not optimal: its residual network has a negative cycle.");
                        }

                        inQueue[next] = true;
                        queue.Enqueue(next);
                    }
                }
            }
        }

        _solved = true;
    }

    private void Attach(int node, int arc)
    {
        var list = _out[node];
        if (_outCount[node] == list.Length)
        {
            Array.Resize(ref list, list.Length * 2);
            _out[node] = list;
        }

        _position[arc] = _outCount[node];
        list[_outCount[node]++] = arc;
    }

    /// <summary>Keeps an arc pair's two arcs on the right side of their lists' boundary between room and none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Touch(int arc)
    {
        Place(arc);
        Place(arc ^ 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Place(int arc)
    {
        var node = _end[arc ^ 1].Head;
        var at = _position[arc];
        var live = _live[node];
        if (_room[arc] > 0)
        {
            if (at >= live)
            {
                Swap(node, at, live);
                _live[node] = live + 1;
            }
        }
        else if (at < live)
        {
            Swap(node, at, live - 1);
            _live[node] = live - 1;
        }
    }

    private void Swap(int node, int i, int j)
    {
        var list = _out[node];
        var a = list[i];
        var b = list[j];
        list[i] = b;
        list[j] = a;
        _position[b] = i;
        _position[a] = j;
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }
}

/// <summary>
/// What one repair did: shortest paths found, nodes their searches settled, arcs scanned, whether it gave up for a full
/// solve, and how many of the paths were found where the two searches met.
/// </summary>
/// <summary>An arc's head and unit cost, together as a search reads them.</summary>
internal struct ArcEnd
{
    public int Head;
    public long Cost;
}

/// <summary>A node's potential (a struct, so that more can stand beside it where a search reads it).</summary>
internal struct NodeState
{
    public long Potential;
}

internal readonly record struct RepairStatistics(int Augmentations, int Settled, long Scanned, bool FellBack, int Met = 0);
