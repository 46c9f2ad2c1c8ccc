namespace IotAdmin.Http
{
    /// <summary>When a request may go, why not sooner, and what the budget was.</summary>
    internal readonly struct Reservation
    {
        public Reservation(long atTicks, WaitReason reason, long id, int limit, long pauseAskedTicks, bool budgetRaised, bool granted = true)
        {
            AtTicks = atTicks;
            Reason = reason;
            Id = id;
            Limit = limit;
            PauseAskedTicks = pauseAskedTicks;
            BudgetRaised = budgetRaised;
            Granted = granted;
        }

        public long AtTicks { get; }

        public WaitReason Reason { get; }

        public long Id { get; }

        public int Limit { get; }

        public long PauseAskedTicks { get; }

        public bool BudgetRaised { get; }

        public bool Granted { get; }

        public Reservation Refused() => new Reservation(AtTicks, Reason, Id, Limit, PauseAskedTicks, BudgetRaised, granted: false);
    }
}
