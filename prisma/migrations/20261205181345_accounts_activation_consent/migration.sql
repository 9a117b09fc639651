-- Accounts made before a password is chosen (activation codes by letter or class sheet), and the messages that
-- tell a guardian an adult student gave or withdrew their access.
ALTER TYPE "MessageKind" ADD VALUE 'CONSENT_GIVEN';
ALTER TYPE "MessageKind" ADD VALUE 'CONSENT_WITHDRAWN';

-- AlterTable
ALTER TABLE "UserAccount" ADD COLUMN     "activatedAt" TIMESTAMP(3),
ALTER COLUMN "passwordHash" DROP NOT NULL;
-- Every account so far was made with a password.
UPDATE "UserAccount" SET "activatedAt" = "passwordChangedAt";

-- CreateTable
CREATE TABLE "ActivationCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ActivationCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ActivationCode_codeHash_key" ON "ActivationCode"("codeHash");

-- CreateIndex
CREATE INDEX "ActivationCode_userId_idx" ON "ActivationCode"("userId");

-- AddForeignKey
ALTER TABLE "ActivationCode" ADD CONSTRAINT "ActivationCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "UserAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationCode" ADD CONSTRAINT "ActivationCode_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "UserAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one code a person can still use: issuing a new one voids the earlier in the same transaction.
CREATE UNIQUE INDEX "ActivationCode_one_live_per_user" ON "ActivationCode"("userId") WHERE "usedAt" IS NULL AND "voidedAt" IS NULL;
