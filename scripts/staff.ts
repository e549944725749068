// Staff accounts from the command line (there is no sign-up page):
//   npm run staff:add -- --email <email> --name "<name>" --role finance|approver [--role …]
//   npm run staff:disable -- --email <email>          npm run staff:enable -- --email <email>
//   npm run staff:reset-password -- --email <email>   npm run staff:list
// The password is typed at a hidden prompt (twice) or piped on stdin as one line, never given as an
// argument. Disabling a user and resetting a password end every session of the user at once.
// Exit 0 when done, 1 when refused (nothing changed), 2 for a usage error.
import { createDb } from "@/lib/db/client";
import { dbConfigFromEnv, describeDbConfig } from "@/lib/db/config";
import {
  StaffAccountError,
  createStaffUser,
  disableStaffUser,
  enableStaffUser,
  listStaffUsers,
  passwordProblem,
  resetStaffPassword,
} from "@/lib/auth/staff";
import { parseStaffArgs, readNewPassword } from "./accounts-cli";
import { firstLine, runCommand } from "./command";

async function main(): Promise<number> {
  const args = parseStaffArgs(process.argv.slice(2));
  // The password first, before any database work: a bad one is refused at once.
  let password = "";
  if (args.command === "add" || args.command === "reset-password") {
    password = await readNewPassword();
    const problem = passwordProblem(password);
    if (problem) throw new StaffAccountError(problem);
  }
  const config = dbConfigFromEnv();
  const db = await createDb(config);
  try {
    switch (args.command) {
      case "add": {
        const user = await createStaffUser(db.prisma, { email: args.email, name: args.name, roles: args.roles, password });
        console.log(`Staff user ${user.email} added (${user.roles.join(", ")}) in the ${describeDbConfig(config)}.`);
        return 0;
      }
      case "disable":
        console.log(
          (await disableStaffUser(db.prisma, args.email))
            ? `Staff user ${args.email} disabled: they cannot sign in, and every session of theirs has ended.`
            : `Staff user ${args.email} was already disabled: nothing changed.`,
        );
        return 0;
      case "enable":
        console.log(
          (await enableStaffUser(db.prisma, args.email))
            ? `Staff user ${args.email} enabled: they can sign in again with their password.`
            : `Staff user ${args.email} was not disabled: nothing changed.`,
        );
        return 0;
      case "reset-password":
        await resetStaffPassword(db.prisma, args.email, password);
        console.log(`Password of ${args.email} reset; every session of theirs has ended.`);
        return 0;
      case "list": {
        const users = await listStaffUsers(db.prisma);
        if (users.length === 0) console.log('No staff users. Add the first with npm run staff:add -- --email <email> --name "<name>" --role finance');
        for (const user of users) {
          console.log([user.email, user.name, user.roles.join(",") || "(no role)", user.disabledAt ? `disabled ${user.disabledAt.toISOString()}` : "active"].join("\t"));
        }
        return 0;
      }
    }
  } finally {
    await db.close();
  }
}

runCommand(main, (error) =>
  error instanceof StaffAccountError ? `${error.message} Nothing changed.` : `The staff command failed: ${firstLine(error)}`,
);
