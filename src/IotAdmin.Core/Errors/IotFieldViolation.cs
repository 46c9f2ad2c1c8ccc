namespace IotAdmin
{
    /// <summary>One invalid field named by the server (google.rpc.BadRequest) or by IotAdmin's own input checks.</summary>
    public sealed class IotFieldViolation
    {
        public IotFieldViolation(string field, string description)
        {
            Field = field;
            Description = description;
        }

        public string Field { get; }

        public string Description { get; }

        public override string ToString() => Field + ": " + Description;
    }
}
