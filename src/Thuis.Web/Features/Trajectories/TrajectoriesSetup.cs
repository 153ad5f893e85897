namespace Thuis.Web.Features.Trajectories;

public static class TrajectoriesSetup
{
    public static void AddTrajectories(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListCourseGroups>();
        builder.Services.AddScoped<CreateCourseGroup>();
        builder.Services.AddScoped<EditCourseGroup>();
        builder.Services.AddScoped<ViewCourseGroup>();
        builder.Services.AddScoped<EnrolNewcomer>();
        builder.Services.AddScoped<UnenrolNewcomer>();
        builder.Services.AddScoped<PlanSession>();
        builder.Services.AddScoped<RecordAttendance>();
        builder.Services.AddScoped<ViewNewcomerLessons>();
    }
}
