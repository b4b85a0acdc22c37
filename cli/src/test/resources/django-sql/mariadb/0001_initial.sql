--
-- Create model Organisation
--
CREATE TABLE `foundation_organisation` (`code` varchar(20) NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL);
--
-- Create model OrganisationMembershipApplication
--
CREATE TABLE `foundation_organisationmembershipapplication` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `applicant_name` varchar(100) NOT NULL, `submitted` date NOT NULL, `organisation_id` varchar(20) NOT NULL);
--
-- Create model OrganisationMembershipApplicationReview
--
CREATE TABLE `foundation_organisationmembershipapplicationreview` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `reviewer_name` varchar(100) NOT NULL, `application_id` bigint NOT NULL);
ALTER TABLE `foundation_organisationmembershipapplication` ADD CONSTRAINT `foundation_organisationm_organisation_id_applican_de1fe1bf_uniq` UNIQUE (`organisation_id`, `applicant_name`, `submitted`);
ALTER TABLE `foundation_organisationmembershipapplication` ADD CONSTRAINT `foundation_organisat_organisation_id_416dd8a7_fk_foundatio` FOREIGN KEY (`organisation_id`) REFERENCES `foundation_organisation` (`code`);
ALTER TABLE `foundation_organisationmembershipapplicationreview` ADD CONSTRAINT `foundation_organisat_application_id_0406b71e_fk_foundatio` FOREIGN KEY (`application_id`) REFERENCES `foundation_organisationmembershipapplication` (`id`);
