#!/usr/bin/env python3
"""Fills a migrated IQLearning SQLite database for the organizations benchmark, in one transaction:

100,000 learners; 20 published courses (the shipped ones plus synthetic ones); 10 enrollments per learner
(1,000,000 in all); one employer with 10,000 members and 5 assigned courses (its enrollments are assignment
enrollments in every state: not started, in progress with lesson progress, completed with a certificate,
overdue, expired); a manager "bench-manager@example.org" with the administrator's password (copied hash) and an
authenticator key (managers must sign in with a second factor); run.sh computes the TOTP code from it.
Usage: generate.py path/to/iqlearning.db
"""
import random, sqlite3, sys, uuid
from datetime import datetime, timedelta

LEARNERS, PER_LEARNER, MEMBERS, ASSIGNED, COURSES = 100_000, 10, 10_000, 5, 20
random.seed(42)
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=OFF")
now = datetime.utcnow().replace(microsecond=0)
ts = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")

cur = db.cursor()
cur.execute("BEGIN")

# Courses: the shipped ones, topped up with synthetic published courses.
unit = cur.execute("SELECT Id FROM SpecialistUnits LIMIT 1").fetchone()[0]
courses = [r[0] for r in cur.execute("SELECT Id FROM ContentItems WHERE Kind='Course' AND PublishedVersionId IS NOT NULL")]
for n in range(len(courses), COURSES):
    cur.execute("INSERT INTO ContentItems (Kind, Slug, UnitId, Language, Archived, CreatedAt) VALUES ('Course', ?, ?, 'de', 0, ?)",
                (f"bench-course-{n}", unit, ts(now)))
    item = cur.lastrowid
    cur.execute("""INSERT INTO ContentVersions (ContentItemId, Number, Status, Title, Summary, Body, BodyHtml, MetadataJson, ContentHash, SearchText, CreatedAt, PublishedAt)
                   VALUES (?, 1, 'Published', ?, '', '', '', '{}', ?, '', ?, ?)""", (item, f"Benchmarkkurs {n}", uuid.uuid4().hex, ts(now), ts(now)))
    cur.execute("UPDATE ContentItems SET PublishedVersionId=?, LatestVersionId=? WHERE Id=?", (cur.lastrowid, cur.lastrowid, item))
    courses.append(item)
assigned = courses[:ASSIGNED]
lessons = {c: [r[0] for r in cur.execute("SELECT Id FROM ContentItems WHERE Kind='Lesson' AND ParentId=?", (c,))] for c in assigned}

# Learners.
learner_role = cur.execute("SELECT Id FROM AspNetRoles WHERE Name='Learner'").fetchone()[0]
users = []
for i in range(LEARNERS):
    uid = str(uuid.uuid4()); email = f"learner{i}@bench.example.org"
    users.append(uid)
    cur.execute("""INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, ConcurrencyStamp,
                   PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, PreferredLanguage, CreatedAt)
                   VALUES (?, ?, ?, ?, ?, 1, ?, ?, 0, 0, 1, 0, ?, 'de', ?)""",
                (uid, email, email.upper(), email, email.upper(), uuid.uuid4().hex, uuid.uuid4().hex, f"Muster {i}", ts(now)))
    cur.execute("INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES (?, ?)", (uid, learner_role))

# The manager signs in with the administrator's password: a V3 hash carries its own salt and fits any account.
admin_hash = cur.execute("SELECT PasswordHash FROM AspNetUsers WHERE NormalizedEmail='BENCH-ADMIN@EXAMPLE.ORG'").fetchone()[0]
manager = str(uuid.uuid4())
cur.execute("""INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp,
               PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, PreferredLanguage, CreatedAt)
               VALUES (?, 'bench-manager@example.org', 'BENCH-MANAGER@EXAMPLE.ORG', 'bench-manager@example.org', 'BENCH-MANAGER@EXAMPLE.ORG', 1, ?, ?, ?, 0, 1, 1, 0, 'Bench Manager', 'de', ?)""",
            (manager, admin_hash, uuid.uuid4().hex, uuid.uuid4().hex, ts(now)))
# Where ASP.NET Core Identity's user store keeps the authenticator key (base32, as the setup page shows it).
AUTHENTICATOR_KEY = "BENCHMANAGERKEY234567ABCDEFGHIJK"
cur.execute("INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) VALUES (?, '[AspNetUserStore]', 'AuthenticatorKey', ?)",
            (manager, AUTHENTICATOR_KEY))
cur.execute("INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT ?, Id FROM AspNetRoles WHERE Name='Manager'", (manager,))

# The organization, its members and assignments.
cur.execute("INSERT INTO Organizations (Name, Kind, CertificateRecipients, AttachPdfToRecipientMail, AggregateOnly, CreatedAt) VALUES ('Bench Employer', 'Employer', '', 0, 0, ?)", (ts(now),))
org = cur.lastrowid
members = users[:MEMBERS]
cur.executemany("INSERT INTO OrganizationMembers (OrganizationId, UserId, Role, JoinedAt) VALUES (?, ?, 'Member', ?)", [(org, u, ts(now)) for u in members])
cur.execute("INSERT INTO OrganizationMembers (OrganizationId, UserId, Role, JoinedAt) VALUES (?, ?, 'Manager', ?)", (org, manager, ts(now)))
assignment = {}
for c in assigned:
    cur.execute("INSERT INTO Assignments (OrganizationId, CourseItemId, DueAt, Mandatory, RecurrenceMonths, AllMembers, CreatedAt) VALUES (?, ?, ?, 1, 24, 1, ?)",
                (org, c, ts(now + timedelta(days=30)), ts(now - timedelta(days=400))))
    assignment[c] = cur.lastrowid

# Enrollments: members get the 5 assigned courses plus 5 others; everyone else 10 random courses.
enrollments, progress, certificates = [], [], []
next_id = (cur.execute("SELECT COALESCE(MAX(Id), 0) FROM Enrollments").fetchone()[0]) + 1
for index, uid in enumerate(users):
    is_member = index < MEMBERS
    chosen = (assigned + random.sample(courses[ASSIGNED:], PER_LEARNER - ASSIGNED)) if is_member else random.sample(courses, PER_LEARNER)
    for c in chosen:
        eid = next_id; next_id += 1
        via_assignment = is_member and c in assignment
        state = random.random()
        due = now + timedelta(days=random.randint(-330, 60)) if via_assignment else None
        enrolled = now - timedelta(days=random.randint(60, 700))
        status, completed, activity = "Active", None, None
        if state < 0.4:
            status, completed, activity = "Completed", enrolled + timedelta(days=random.randint(1, 50)), enrolled + timedelta(days=1)
        elif state < 0.7:
            activity = enrolled + timedelta(days=2)
        enrollments.append((eid, uid, c, "Assignment" if via_assignment else "Self", assignment.get(c) if via_assignment else None,
                            ts(due) if due else None, status, ts(enrolled), ts(activity) if activity else None, ts(completed) if completed else None))
        if via_assignment and activity and status == "Active":
            progress += [(eid, l, ts(activity), ts(activity)) for l in lessons.get(c, [])[:2]]
        if status == "Completed" and (via_assignment or random.random() < 0.2):
            expires = completed + timedelta(days=730 if random.random() < 0.9 else 300)
            serial = f"{len(certificates):08X}"
            number = f"IQ-{completed.year}-{serial[:4]}-{serial[4:]}"
            certificates.append((number, uid, eid, c, f"Muster {index}", ts(completed), ts(expires), f"https://lernen.example.test/verify/{number}"))
cur.executemany("""INSERT INTO Enrollments (Id, UserId, CourseItemId, Source, AssignmentId, DueAt, Status, EnrolledAt, LastActivityAt, CompletedAt)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", enrollments)
cur.executemany("INSERT INTO LessonProgress (EnrollmentId, LessonItemId, FirstOpenedAt, CompletedAt, SecondsOnTask) VALUES (?, ?, ?, ?, 300)", progress)
version = {c: v for c, v in cur.execute("SELECT Id, PublishedVersionId FROM ContentItems WHERE Kind='Course'")}
cur.executemany("""INSERT INTO Certificates (Number, UserId, EnrollmentId, CourseItemId, CourseVersionId, HolderName, CourseTitle, CourseVersionLabel, Hours,
                   OutcomesJson, IssuingUnit, Language, IssuedAt, ExpiresAt, VerificationUrl, PdfSha256, IssuedBy)
                   VALUES (?, ?, ?, ?, 0, ?, 'Kurs', '1', 2, '[]', 'IQ', 'de', ?, ?, ?, '', 'completion')""", certificates)
cur.execute("UPDATE Certificates SET CourseVersionId = (SELECT PublishedVersionId FROM ContentItems WHERE ContentItems.Id = Certificates.CourseItemId)")
db.commit()
db.execute("PRAGMA optimize")
db.close()

folder = sys.argv[1].rsplit("/", 1)[0]
open(f"{folder}/organization-id", "w").write(str(org))
open(f"{folder}/course-id", "w").write(str(assigned[0]))
open(f"{folder}/manager-authenticator-key", "w").write(AUTHENTICATOR_KEY)
print(f"{len(users):,} learners, {len(enrollments):,} enrollments ({MEMBERS * ASSIGNED:,} in the organization's courses), "
      f"{len(certificates):,} certificates, {len(progress):,} lesson progress rows; organization {org}")
