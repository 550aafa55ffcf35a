# Multi-stage build of the IQLearning web app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/IQLearning.Web/IQLearning.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The shipped curriculum, imported on the first start when the database has no content.
COPY content /app/content
ENV ASPNETCORE_URLS=http://+:8080 \
    Site__DataDirectory=/data \
    Content__SeedDirectory=/app/content \
    SelfAssessments__Directory=/app/content/self-assessments
VOLUME /data
EXPOSE 8080
# Hangfire hands running jobs back on SIGTERM; give it the time to do so.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "IQLearning.Web.dll"]
