namespace IotAdmin.Backends
{
    internal sealed class ProjectQuery
    {
        public string? OrganizationId { get; set; }

        /// <summary>Keyword search over project and organization display names.</summary>
        public string? Query { get; set; }

        public int PageSize { get; set; } = 100;
    }
}
