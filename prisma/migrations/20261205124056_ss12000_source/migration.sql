-- CreateEnum
CREATE TYPE "Ss12000SourceAuth" AS ENUM ('BEARER_TOKEN', 'CLIENT_CREDENTIALS');

-- CreateTable
CREATE TABLE "Ss12000Source" (
    "organisationId" UUID NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "auth" "Ss12000SourceAuth" NOT NULL,
    "tokenUrl" TEXT,
    "clientId" TEXT,
    "encryptedSecret" TEXT NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Ss12000Source_pkey" PRIMARY KEY ("organisationId")
);

-- AddForeignKey
ALTER TABLE "Ss12000Source" ADD CONSTRAINT "Ss12000Source_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ss12000Source" ADD CONSTRAINT "Ss12000Source_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
