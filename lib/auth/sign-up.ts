// Creates an account with its personal workspace, in one transaction.
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { createPersonalWorkspace } from "@/lib/workspaces/queries";
import { hashPassword } from "./password";
import { type SessionUser, type SignUpBody, signUpBodySchema } from "./schemas";

export async function signUp(input: SignUpBody): Promise<SessionUser> {
  const body = signUpBodySchema.parse(input);
  const passwordHash = await hashPassword(body.password);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: body.email, name: body.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      await createPersonalWorkspace(tx, user);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict:email", "An account with this email already exists. Sign in instead.", {
        field: "email",
      });
    }
    throw error;
  }
}
