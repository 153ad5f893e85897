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
internal sealed class RepairableFlow
{
    private int _nodes;
    private int _arcs;
    private int[] _head = new int[16];
    private long[] _room = new long[16];
    private long[] _cost = new long[16];
    private int[][] _out = new int[16][];
    private int[] _outCount = new int[16];
    private long[] _potential = new long[16];
    private long[] _excess = new long[16];
    private long[] _supply = new long[16];

    // The nodes whose flow is out of balance, each once (a flag beside the list).
    private readonly List<int> _unbalanced = [];
    private bool[] _listed = new bool[16];

    // Dijkstra's state, reset only where a search went.
    private long[] _distance = new long[16];
    private int[] _via = new int[16];
    private int[] _reachedIn = new int[16];
    private bool[] _settled = new bool[16];
    private int _search;

    // Potentials exist only once the network has been solved; arcs added before that are not settled one by one.
    private bool _solved;
    private readonly List<int> _settledNodes = [];
    private readonly PriorityQueue<int, long> _queue = new();

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
        Grow(ref _potential, _nodes + 1);
        Grow(ref _excess, _nodes + 1);
        Grow(ref _supply, _nodes + 1);
        Grow(ref _listed, _nodes + 1);
        Grow(ref _distance, _nodes + 1);
        Grow(ref _via, _nodes + 1);
        Grow(ref _reachedIn, _nodes + 1);
        Grow(ref _settled, _nodes + 1);
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
        Grow(ref _head, _arcs + 2);
        Grow(ref _room, _arcs + 2);
        Grow(ref _cost, _arcs + 2);
        var arc = _arcs;
        _head[arc] = to;
        _room[arc] = capacity;
        _cost[arc] = cost;
        _head[arc + 1] = from;
        _room[arc + 1] = 0;
        _cost[arc + 1] = -cost;
        _arcs += 2;
        Attach(from, arc);
        Attach(to, arc + 1);
        if (settle)
        {
            Settle(arc);
        }

        return arc;
    }

    public int Tail(int arc) => _head[arc ^ 1];

    public int Head(int arc) => _head[arc];

    public long Flow(int arc) => _room[arc | 1];

    public long Capacity(int arc) => _room[arc & ~1] + _room[arc | 1];

    public long Cost(int arc) => _cost[arc & ~1];

    public long Supply(int node) => _supply[node];

    public long Potential(int node) => _potential[node];

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
        if (settle)
        {
            Settle(arc);
        }
    }

    /// <summary>A new unit cost; the arc is then filled or emptied if its reduced cost says the flow should change.</summary>
    public void SetCost(int arc, long cost, bool settle = true)
    {
        TotalCost += Flow(arc) * (cost - _cost[arc]);
        _cost[arc] = cost;
        _cost[arc | 1] = -cost;
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
        var arcs = _out[node];
        for (var k = 0; k < _outCount[node]; k++)
        {
            var arc = arcs[k];
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
                best = Math.Max(best, _potential[_head[arc]] - _cost[arc]);
            }
        }

        if (best != long.MinValue)
        {
            _potential[node] = best;
        }

        for (var k = 0; k < _outCount[node]; k++)
        {
            Settle(arcs[k]);
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
        TotalCost -= _cost[arc];
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
        for (var i = 0; i < _unbalanced.Count; i++)
        {
            var from = _unbalanced[i];
            while (_excess[from] > 0)
            {
                if (scanned > limit)
                {
                    SolveFully();
                    Last = new RepairStatistics(augmentations, settled, scanned, FellBack: true);
                    return false;
                }

                var to = ShortestToDeficit(from, limit - scanned, ref scanned);
                if (to < 0)
                {
                    if (scanned > limit)
                    {
                        continue;
                    }

                    throw new InvalidOperationException("A node's surplus found no way to a node that lacks flow.");
                }

                settled += _settledNodes.Count;
                Augment(from, to);
                augmentations++;
            }
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
        Last = new RepairStatistics(augmentations, settled, scanned, FellBack: false);
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
            solver.AddArcWithCapacityAndUnitCost(_head[arc + 1], _head[arc], Capacity(arc), _cost[arc]);
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
            total += flow * _cost[arc];
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
            balance[_head[arc]] += flow;
            total += flow * _cost[arc];
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
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Reduced(int arc) => _cost[arc] + _potential[_head[arc ^ 1]] - _potential[_head[arc]];

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
        TotalCost += amount * _cost[arc];
        Shift(_head[arc ^ 1], -amount);
        Shift(_head[arc], amount);
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
    /// Dijkstra on reduced costs from a node with surplus until the first node short of flow is settled; then the
    /// settled nodes' potentials move by their distance less the target's, which keeps every reduced cost at zero or
    /// more and makes the path's arcs tight. Returns the target, or -1 when none is reached within the work left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ShortestToDeficit(int from, long workLeft, ref long scanned)
    {
        _search++;
        if (_search == int.MaxValue)
        {
            Array.Clear(_reachedIn, 0, _nodes);
            _search = 1;
        }

        foreach (var node in _settledNodes)
        {
            _settled[node] = false;
        }

        _settledNodes.Clear();
        _queue.Clear();
        _distance[from] = 0;
        _via[from] = -1;
        _reachedIn[from] = _search;
        _queue.Enqueue(from, 1);
        var target = -1;
        long work = 0;
        var head = _head;
        var room = _room;
        var cost = _cost;
        var potential = _potential;
        var distance = _distance;
        var excess = _excess;

        // Keys are twice the distance, plus one for a node that does not lack flow: among nodes at the same distance
        // one that lacks flow comes first, and the search ends as soon as it could.
        while (target < 0 && _queue.TryDequeue(out var node, out var key))
        {
            var d = key >> 1;
            if (_settled[node] || d > distance[node])
            {
                continue;
            }

            _settled[node] = true;
            _settledNodes.Add(node);
            if (excess[node] < 0)
            {
                target = node;
                break;
            }

            var arcs = _out[node];
            var count = _outCount[node];
            work += count;
            if (work > workLeft)
            {
                break;
            }

            var p = potential[node];
            for (var k = 0; k < count; k++)
            {
                var arc = arcs[k];
                if (room[arc] <= 0)
                {
                    continue;
                }

                var next = head[arc];
                if (_settled[next])
                {
                    continue;
                }

                var nd = d + cost[arc] + p - potential[next];
                if (_reachedIn[next] != _search || nd < distance[next])
                {
                    _reachedIn[next] = _search;
                    distance[next] = nd;
                    _via[next] = arc;
                    if (excess[next] < 0 && nd == d)
                    {
                        // No node left is nearer than this one: it is settled at its distance, and it is the target.
                        _settled[next] = true;
                        _settledNodes.Add(next);
                        target = next;
                        break;
                    }

                    _queue.Enqueue(next, (nd << 1) | (excess[next] < 0 ? 0L : 1L));
                }
            }
        }

        scanned += work;
        if (target < 0)
        {
            return -1;
        }

        var reach = distance[target];
        foreach (var node in _settledNodes)
        {
            potential[node] += distance[node] - reach;
        }

        return target;
    }

    private void Augment(int from, int to)
    {
        var amount = Math.Min(_excess[from], -_excess[to]);
        for (var node = to; node != from; node = _head[_via[node] ^ 1])
        {
            amount = Math.Min(amount, _room[_via[node]]);
        }

        for (var node = to; node != from; node = _head[_via[node] ^ 1])
        {
            var arc = _via[node];
            _room[arc] -= amount;
            _room[arc ^ 1] += amount;
            TotalCost += amount * _cost[arc];
        }

        _excess[from] -= amount;
        _excess[to] += amount;
        if (!_listed[to])
        {
            _listed[to] = true;
            _unbalanced.Add(to);
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
        var distance = _potential;
        if (!_solved)
        {
            Array.Clear(distance, 0, _nodes);
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
            var d = distance[node];
            for (var k = 0; k < _outCount[node]; k++)
            {
                var arc = arcs[k];
                if (_room[arc] <= 0)
                {
                    continue;
                }

                var next = _head[arc];
                var nd = d + _cost[arc];
                if (nd < distance[next])
                {
                    distance[next] = nd;
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

        list[_outCount[node]++] = arc;
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }
}

/// <summary>What one repair did: shortest paths found, nodes their searches settled, arcs scanned, and whether it gave up for a full solve.</summary>
internal readonly record struct RepairStatistics(int Augmentations, int Settled, long Scanned, bool FellBack);
