// The journeys share the demo accounts, and signing out ends every session of an account
// (the security stamp is renewed), so they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
