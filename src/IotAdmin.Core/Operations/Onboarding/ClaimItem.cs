namespace IotAdmin.Operations.Onboarding
{
    /// <summary>One id to claim: a kit (claimed whole) or a device.</summary>
    internal readonly struct ClaimItem
    {
        private ClaimItem(string id, bool isKit)
        {
            Id = id;
            IsKit = isKit;
        }

        public string Id { get; }

        public bool IsKit { get; }

        public string Kind => IsKit ? "Kit" : "Device";

        public static ClaimItem Kit(string id) => new ClaimItem(id, true);

        public static ClaimItem Device(string id) => new ClaimItem(id, false);

        /// <summary>"kit X" / "device X": the ShouldProcess target and the error records' target.</summary>
        public override string ToString() => (IsKit ? "kit " : "device ") + Id;
    }
}
